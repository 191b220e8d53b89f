package org.pingliang.techmarket.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.KnnSearch;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest.Builder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Listing search on the {@code listings} alias: filters, facets, highlights, sorts, cursor paging,
 * suggestions, and relevance ranked by BM25, kNN or both fused in the app. Non-blocking throughout
 * (the asynchronous client); only visible listings are ever returned.
 */
public final class ListingSearch {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ListingSearch.class);

  private final ElasticsearchAsyncClient client;
  private final SearchSettings settings;
  private final QueryEmbedder embedder;
  private final HolderVerification verification;
  private final Clock clock;
  private final RankFusion fusion;

  /**
   * @param embedder null when no embedding model is available: then only BM25 works
   */
  public ListingSearch(ElasticsearchAsyncClient client, SearchSettings settings, QueryEmbedder embedder,
      HolderVerification verification, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.embedder = embedder;
    this.verification = verification == null ? HolderVerification.NONE : verification;
    this.clock = clock;
    this.fusion = new RankFusion(settings);
  }

  public SearchSettings settings() {
    return settings;
  }

  /** Whether VECTOR and HYBRID ranking can be used. */
  public boolean vectorsAvailable() {
    return embedder != null;
  }

  /** The mode used when the caller names none: hybrid when vectors are available. */
  public RankingMode defaultMode() {
    return vectorsAvailable() ? RankingMode.HYBRID : RankingMode.BM25;
  }

  // ---------------------------------------------------------------- search

  public Mono<SearchPage> search(SearchRequest request) {
    return Mono.defer(() -> {
      if (request.size() > settings.maxPageSize()) {
        throw new InvalidSearchException("size", "max");
      }
      requireVectorsFor(request.mode(), request.sort() == SearchSort.RELEVANCE);
      var cursor = request.cursor() == null || request.cursor().isBlank() ? null
          : SearchCursor.decode(request.cursor(), request);
      return request.sort() == SearchSort.RELEVANCE ? byRelevance(request, cursor) : byField(request, cursor);
    });
  }

  private void requireVectorsFor(RankingMode mode, boolean used) {
    if (used && mode != RankingMode.BM25 && !vectorsAvailable()) {
      throw new InvalidSearchException("mode", "unavailable");
    }
  }

  private Mono<SearchPage> byField(SearchRequest request, SearchCursor cursor) {
    if (cursor != null && cursor.searchAfter() == null) {
      return Mono.error(new InvalidSearchException("cursor", "malformed"));
    }
    var size = request.size();
    return call(search -> {
      lexical(search, request);
      search.sort(sortOptions(request.sort())).size(size + 1);
      if (cursor != null) {
        search.searchAfter(cursor.searchAfter());
      }
      return search;
    }).flatMap(response -> {
      var hits = response.hits().hits();
      var page = hits.subList(0, Math.min(size, hits.size()));
      var next = hits.size() > size ? SearchCursor.after(request.fingerprint(), page.getLast().sort()).encode() : null;
      return verified(page.stream().map(ListingSearch::source).toList()).map(verified -> new SearchPage(
          page.stream().map(hit -> Hits.safe(Hits.toListingHit(hit.source(), hit.highlight(), null, null, verified)))
              .toList(),
          facets(response), total(response), next));
    }).onErrorResume(ListingSearch::isIndexMissing, error -> Mono.just(empty()));
  }

  private Mono<SearchPage> byRelevance(SearchRequest request, SearchCursor cursor) {
    if (cursor != null && cursor.offset() == null) {
      return Mono.error(new InvalidSearchException("cursor", "malformed"));
    }
    var offset = cursor == null ? 0 : cursor.offset();
    var mode = request.mode();
    var window = settings.rankWindow();
    var lexical = call(search -> {
      lexical(search, request);
      return search.sort(byScore()).size(mode == RankingMode.VECTOR ? 0 : window);
    });
    Mono<List<RankFusion.Ranked>> semantic = mode == RankingMode.BM25 ? Mono.just(List.of())
        : tolerant(mode, embedder.embedQuery(request.text()).flatMap(vector -> knn(vector, request.text(),
            ListingQueries.filters(request.filters(), null), settings.searchMinSimilarity())));
    return Mono.zip(lexical, semantic).flatMap(both -> {
      var response = both.getT1();
      var bm25 = ranked(response.hits().hits());
      return fuse(bm25, both.getT2(), fusion.fusionFor(mode, false)).map(fused -> {
        var end = Math.min(fused.size(), offset + request.size());
        var items = offset >= end ? List.<ListingHit>of() : fused.hits(offset, end).stream().map(Hits::safe).toList();
        var next = end < fused.size() ? SearchCursor.offset(request.fingerprint(), end).encode() : null;
        var lexicalIds = bm25.stream().map(RankFusion.Ranked::id).collect(Collectors.toSet());
        var semanticOnly = both.getT2().stream().filter(hit -> !lexicalIds.contains(hit.id())).count();
        var total = switch (mode) {
          case BM25 -> total(response);
          case HYBRID -> total(response) + semanticOnly;
          case VECTOR -> both.getT2().size();
        };
        return new SearchPage(items, facets(response), total, next);
      });
    }).onErrorResume(ListingSearch::isIndexMissing, error -> Mono.just(empty()));
  }

  /**
   * The one Elasticsearch request the first page of a BM25-ranked or field-sorted search sends, for
   * benchmarks that compare the API with the cluster alone.
   */
  public co.elastic.clients.elasticsearch.core.SearchRequest firstPageRequest(SearchRequest request) {
    var search = new Builder();
    lexical(search, request);
    if (request.sort() == SearchSort.RELEVANCE) {
      search.sort(byScore()).size(settings.rankWindow());
    } else {
      search.sort(sortOptions(request.sort())).size(request.size() + 1);
    }
    return search.build();
  }

  /** The query, visibility and post-filtered filters, facets and highlights of a plain search. */
  private void lexical(Builder search, SearchRequest request) {
    var text = request.hasText() ? ListingQueries.searchText(request.text()) : Query.of(q -> q.matchAll(m -> m));
    search.index(settings.alias())
        .query(q -> q.bool(b -> b.must(text).filter(ListingQueries.visible())))
        .postFilter(ListingQueries.allOf(ListingQueries.filters(request.filters(), null)))
        .aggregations(ListingQueries.facets(request.filters()))
        .trackTotalHits(t -> t.enabled(true))
        .source(s -> s.filter(f -> f.excludes(ListingQueries.SOURCE_EXCLUDES)));
    if (request.hasText()) {
      search.highlight(ListingQueries.highlight(null));
    }
  }

  private static List<SortOptions> sortOptions(SearchSort sort) {
    var options = new ArrayList<SortOptions>();
    switch (sort) {
      case NEWEST -> options.add(field("publishedAt", SortOrder.Desc));
      case PRICE_ASC -> {
        options.add(field("priceFen", SortOrder.Asc));
        options.add(field("budgetMinFen", SortOrder.Asc));
      }
      case PRICE_DESC -> {
        options.add(field("priceFen", SortOrder.Desc));
        options.add(field("budgetMaxFen", SortOrder.Desc));
      }
      case RELEVANCE -> options.addAll(byScore());
    }
    // The id makes the order total, so search_after never skips or repeats a listing.
    options.add(field("id", SortOrder.Asc));
    return options;
  }

  private static List<SortOptions> byScore() {
    return List.of(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))), field("id", SortOrder.Asc));
  }

  private static SortOptions field(String name, SortOrder order) {
    return SortOptions.of(s -> s.field(f -> f.field(name).order(order).missing("_last")));
  }

  // ---------------------------------------------------------------- suggestions

  /** Titles that contain what the user has typed so far (the last word may be incomplete). */
  public Mono<List<Suggestion>> suggest(String prefix, Set<ListingKind> types, int size) {
    return Mono.defer(() -> {
      var text = prefix == null ? "" : prefix.strip();
      if (text.isEmpty()) {
        throw new InvalidSearchException("q", "not-blank");
      }
      if (text.length() > 50) {
        throw new InvalidSearchException("q", "size");
      }
      if (size < 1 || size > 20) {
        throw new InvalidSearchException("size", "max");
      }
      var filters = new ArrayList<Query>();
      filters.add(ListingQueries.visible());
      if (types != null && !types.isEmpty()) {
        filters.add(ListingQueries.terms("type", types.stream().map(Enum::name).toList()));
      }
      return call(search -> search.index(settings.alias())
          .query(q -> q.bool(b -> b.must(m -> m.matchPhrasePrefix(p -> p.field("title").query(text)
              .analyzer("listing_text").maxExpansions(50))).filter(filters)))
          .source(s -> s.filter(f -> f.includes("id", "type", "title")))
          .size(size * 2))
          .map(response -> {
            var seen = new HashSet<String>();
            var suggestions = new ArrayList<Suggestion>();
            for (var hit : response.hits().hits()) {
              var title = String.valueOf(hit.source().get("title"));
              if (seen.add(title) && suggestions.size() < size) {
                suggestions.add(new Suggestion(title, ListingKind.valueOf(String.valueOf(hit.source().get("type"))),
                    hit.id()));
              }
            }
            return (List<Suggestion>) suggestions;
          })
          .onErrorResume(ListingSearch::isIndexMissing, error -> Mono.just(List.of()));
    });
  }

  // ---------------------------------------------------------------- matching (used by ListingMatcher)

  /** What a listing being matched brings: its text, vector, the kind it looks for, its attributes. */
  record MatchInput(String excludeId, String text, Mono<float[]> vector, ListingKind target, String technologyField,
      String regionCode, List<String> industryTags) {}

  Mono<List<ListingHit>> match(MatchInput input, RankingMode mode, int size) {
    return Mono.defer(() -> {
      if (size < 1 || size > settings.maxPageSize()) {
        throw new InvalidSearchException("size", "max");
      }
      requireVectorsFor(mode, true);
      var filters = new ArrayList<Query>();
      filters.add(ListingQueries.terms("type", List.of(input.target().name())));
      var exclude = input.excludeId() == null ? List.<Query>of()
          : List.of(Query.of(q -> q.ids(i -> i.values(input.excludeId()))));
      Mono<List<RankFusion.Ranked>> lexical = mode == RankingMode.VECTOR ? Mono.just(List.of())
          : call(search -> search.index(settings.alias())
              .query(q -> q.bool(b -> b.must(ListingQueries.matchText(input.text()))
                  .should(context(input)).filter(ListingQueries.visible()).filter(filters).mustNot(exclude)))
              .highlight(ListingQueries.highlight(null))
              .source(s -> s.filter(f -> f.excludes(ListingQueries.SOURCE_EXCLUDES)))
              .sort(byScore())
              .size(settings.rankWindow()))
              .map(response -> ranked(response.hits().hits()));
      Mono<List<RankFusion.Ranked>> semantic = mode == RankingMode.BM25 ? Mono.just(List.of())
          : tolerant(mode, input.vector().flatMap(vector -> {
            var knnFilters = new ArrayList<>(filters);
            if (!exclude.isEmpty()) {
              knnFilters.add(Query.of(q -> q.bool(b -> b.mustNot(exclude))));
            }
            return knn(vector, input.text(), knnFilters, settings.matchMinSimilarity());
          }));
      return Mono.zip(lexical, semantic)
          .flatMap(both -> fuse(both.getT1(), both.getT2(), fusion.fusionFor(mode, true)))
          .map(fused -> fused.hits(0, Math.min(size, fused.size())).stream()
              .map(hit -> Hits.safe(hit.withReasons(Hits.reasons(hit, input))))
              .toList())
          .onErrorResume(ListingSearch::isIndexMissing, error -> Mono.just(List.of()));
    });
  }

  /** Shared attributes raise the BM25 score a little and are named, so they can be reported. */
  private static List<Query> context(MatchInput input) {
    var should = new ArrayList<Query>();
    if (input.technologyField() != null) {
      should.add(Query.of(q -> q.term(t -> t.field("technologyField").value(input.technologyField()).boost(2f))));
    }
    if (input.industryTags() != null && !input.industryTags().isEmpty()) {
      should.add(Query.of(q -> q.terms(t -> t.field("industryTags").boost(2f)
          .terms(v -> v.value(input.industryTags().stream().map(FieldValue::of).toList())))));
    }
    if (input.regionCode() != null && input.regionCode().length() >= 4) {
      var city = input.regionCode().substring(0, 4);
      should.add(Query.of(q -> q.prefix(p -> p.field("regionCode").value(city).boost(1f))));
    }
    return should;
  }

  // ---------------------------------------------------------------- shared

  /**
   * In HYBRID mode a refused kNN query (an index built before it had vectors) leaves BM25 alone
   * instead of failing the search; the breakdown then shows no vector ranks. VECTOR mode fails.
   */
  static Mono<List<RankFusion.Ranked>> tolerant(RankingMode mode, Mono<List<RankFusion.Ranked>> semantic) {
    if (mode != RankingMode.HYBRID) {
      return semantic;
    }
    return semantic.onErrorResume(SearchRejectedException.class, error -> {
      log.warn("kNN part of a hybrid search refused, ranking by BM25 only: {}", error.getMessage());
      return Mono.just(List.of());
    });
  }

  private Mono<List<RankFusion.Ranked>> knn(float[] vector, String text, List<Query> filters, double minSimilarity) {
    var queryVector = new ArrayList<Float>(vector.length);
    for (var value : vector) {
      queryVector.add(value);
    }
    var window = settings.rankWindow();
    var allFilters = new ArrayList<Query>(filters);
    allFilters.add(ListingQueries.visible());
    var knn = KnnSearch.of(k -> {
      k.field("embedding").queryVector(queryVector).k(window).numCandidates(Math.max(2 * window, 100))
          .filter(allFilters);
      if (minSimilarity > 0) {
        k.similarity((float) minSimilarity);
      }
      return k;
    });
    return call(search -> search.index(settings.alias())
        .knn(knn)
        .highlight(ListingQueries.highlight(text == null || text.isBlank() ? null : ListingQueries.matchText(text)))
        .source(s -> s.filter(f -> f.excludes(ListingQueries.SOURCE_EXCLUDES)))
        .size(window))
        .map(response -> ranked(response.hits().hits()));
  }

  /**
   * The whole window fused and ordered; only the hits of the page asked for are turned into API
   * hits (a window is rank-window long, a page usually 20).
   */
  private record Fused(List<RankFusion.Fused> ranked, Set<String> verified) {
    int size() {
      return ranked.size();
    }

    List<ListingHit> hits(int from, int to) {
      var hits = new ArrayList<ListingHit>(to - from);
      for (var hit : ranked.subList(from, to)) {
        hits.add(Hits.toListingHit(hit.source(), hit.highlights(), hit.breakdown().finalScore(), hit.breakdown(),
            verified));
      }
      return hits;
    }
  }

  private Mono<Fused> fuse(List<RankFusion.Ranked> bm25, List<RankFusion.Ranked> vector,
      SearchSettings.Fusion weights) {
    var sources = new ArrayList<Map<String, Object>>();
    bm25.forEach(hit -> sources.add(hit.source()));
    vector.forEach(hit -> sources.add(hit.source()));
    return verified(sources).map(verified ->
        new Fused(fusion.fuse(bm25, vector, weights, verified, clock.instant()), verified));
  }

  private Mono<Set<String>> verified(List<Map<String, Object>> sources) {
    var organisations = sources.stream().map(source -> source.get("organisationId")).filter(id -> id != null)
        .map(Object::toString).collect(Collectors.toSet());
    return organisations.isEmpty() ? Mono.just(Set.of()) : verification.verifiedAmong(organisations);
  }

  static List<RankFusion.Ranked> ranked(List<Hit<Map>> hits) {
    var ranked = new ArrayList<RankFusion.Ranked>(hits.size());
    for (var i = 0; i < hits.size(); i++) {
      var hit = hits.get(i);
      ranked.add(new RankFusion.Ranked(hit.id(), i + 1, hit.score() == null ? 0 : hit.score(), source(hit),
          hit.highlight()));
    }
    return ranked;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> source(Hit<Map> hit) {
    return hit.source() == null ? Map.of() : (Map<String, Object>) hit.source();
  }

  private static Map<String, List<FacetCount>> facets(SearchResponse<Map> response) {
    var facets = new LinkedHashMap<String, List<FacetCount>>();
    for (var facet : ListingQueries.Facet.values()) {
      var aggregate = response.aggregations().get(facet.apiName);
      var counts = new LinkedHashMap<String, Long>();
      if (aggregate != null) {
        for (Map.Entry<String, Aggregate> sub : aggregate.filter().aggregations().entrySet()) {
          for (var bucket : sub.getValue().sterms().buckets().array()) {
            counts.merge(bucket.key().stringValue(), bucket.docCount(), Long::sum);
          }
        }
      }
      facets.put(facet.apiName, counts.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .map(entry -> new FacetCount(entry.getKey(), entry.getValue())).toList());
    }
    return facets;
  }

  private static long total(SearchResponse<Map> response) {
    return response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
  }

  private static SearchPage empty() {
    var facets = new LinkedHashMap<String, List<FacetCount>>();
    for (var facet : ListingQueries.Facet.values()) {
      facets.put(facet.apiName, List.of());
    }
    return new SearchPage(List.of(), facets, 0, null);
  }

  /** One request, its failures sorted into "cluster unavailable" and "our bug". */
  private Mono<SearchResponse<Map>> call(Function<Builder, Builder> request) {
    return call(client, request);
  }

  /** The same for other searches of this library (e.g. {@link ServiceMatcher}) on their own index. */
  static Mono<SearchResponse<Map>> call(ElasticsearchAsyncClient client, Function<Builder, Builder> request) {
    return Mono.defer(() -> {
      CompletableFuture<SearchResponse<Map>> future = client.search(b -> request.apply(b), Map.class);
      return Mono.fromFuture(future);
    }).onErrorMap(CompletionException.class, error -> error.getCause() == null ? error : error.getCause())
        .onErrorMap(ListingSearch::isUnavailable, SearchUnavailableException::new)
        .onErrorMap(ListingSearch::isRejected, SearchRejectedException::new);
  }

  private static boolean isRejected(Throwable error) {
    return error instanceof ElasticsearchException e && e.status() >= 400 && e.status() < 500 && !isIndexMissing(e);
  }

  private static boolean isUnavailable(Throwable error) {
    if (error instanceof ElasticsearchException e) {
      return e.status() >= 500 || e.status() == 429;
    }
    return !(error instanceof InvalidSearchException) && !(error instanceof IllegalArgumentException);
  }

  static boolean isIndexMissing(Throwable error) {
    return error instanceof ElasticsearchException e && e.status() == 404 && e.error() != null
        && "index_not_found_exception".equals(e.error().type());
  }
}
