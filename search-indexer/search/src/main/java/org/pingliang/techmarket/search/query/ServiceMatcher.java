package org.pingliang.techmarket.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.KnnSearch;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pingliang.techmarket.search.embedding.ServiceEmbeddingText;
import reactor.core.publisher.Mono;

/**
 * Service matching (服务对接) on the services index ({@code <prefix>services}, written by
 * search-indexer): for a service request the best offers of S&T commissioners, for an offer the open
 * requests. The same hybrid ranking as listing matching — a BM25 list and a kNN list over the
 * bge-small-zh vectors, fused in the app by {@link RankFusion} with the settings' matching fusion —
 * and the same kind of reasons: matched terms and fields, semantic similarity, and the attributes both
 * share ({@code technologyField}, {@code serviceType}, {@code county}: the request's county lies in
 * one the offer serves). Offers of commissioners the caller's {@link CommissionerEligibility} does not
 * name are dropped before the answer is cut to size.
 */
public final class ServiceMatcher {

  static final List<String> TEXT_FIELDS = List.of("title^3", "problem^2", "description", "expectedHelp");
  static final List<String> HIGHLIGHT_FIELDS = List.of("title", "problem", "description", "expectedHelp");

  private final ElasticsearchAsyncClient client;
  private final SearchSettings settings;
  private final QueryEmbedder embedder;
  private final Clock clock;
  private final RankFusion fusion;

  /**
   * @param settings {@code alias} is the services alias; rank window, fusion and boosts as for listings
   *     (the verified-holder boost never applies: offers have no holder organisation)
   * @param embedder null when no embedding model is available (then only BM25 works)
   */
  public ServiceMatcher(ElasticsearchAsyncClient client, SearchSettings settings, QueryEmbedder embedder, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.embedder = embedder;
    this.clock = clock;
    this.fusion = new RankFusion(settings);
  }

  /** A service request looking for offers; {@code serviceType} may be null. */
  public record RequestQuery(String title, String problem, String expectedHelp, String technologyField,
      String serviceType, String countyCode) {

    String text() {
      return join(title, problem, expectedHelp);
    }
  }

  /** A commissioner's offer looking for requests; {@code id} is never matched with itself. */
  public record OfferQuery(String id, String title, String description, String technologyField, String serviceType,
      List<String> counties) {

    String text() {
      return join(title, description);
    }
  }

  public RankingMode defaultMode() {
    return embedder == null ? RankingMode.BM25 : RankingMode.HYBRID;
  }

  /** The best visible offers for a request, of eligible commissioners only; the request reads as a question. */
  public Mono<List<ServiceHit>> matchOffersForRequest(RequestQuery request, RankingMode mode, int size,
      CommissionerEligibility eligibility) {
    var counties = request.countyCode() == null ? List.<String>of() : covering(request.countyCode());
    var input = new Input(null, request.text(), ServiceHit.Kind.OFFER, request.technologyField(), request.serviceType(),
        counties.isEmpty() ? List.of() : List.of(Query.of(q -> q.terms(t -> t.field("counties").boost(2f)
            .terms(v -> v.value(counties.stream().map(FieldValue::of).toList()))))),
        hit -> request.countyCode() != null && hit.counties().stream().anyMatch(code -> covers(code, request.countyCode())));
    return match(input, () -> vector(ServiceEmbeddingText.request(request.title(), request.problem(),
        request.expectedHelp()), true), mode, size, eligibility);
  }

  /** The best open requests for an offer; the offer reads as a passage, like the index stores it. */
  public Mono<List<ServiceHit>> matchRequestsForOffer(OfferQuery offer, RankingMode mode, int size) {
    var served = offer.counties() == null ? List.<String>of() : offer.counties();
    var input = new Input(offer.id(), offer.text(), ServiceHit.Kind.REQUEST, offer.technologyField(), offer.serviceType(),
        served.isEmpty() ? List.of() : List.of(Query.of(q -> q.bool(b -> b.boost(2f)
            .should(served.stream().map(ServiceMatcher::within).toList()).minimumShouldMatch("1")))),
        hit -> hit.counties().stream().anyMatch(county -> served.stream().anyMatch(code -> covers(code, county))));
    return match(input, () -> vector(ServiceEmbeddingText.offer(offer.title(), offer.description()), false), mode, size,
        CommissionerEligibility.EVERYONE);
  }

  private record Input(String excludeId, String text, ServiceHit.Kind target, String technologyField, String serviceType,
      List<Query> countyClauses, java.util.function.Predicate<ServiceHit> countyMatches) {}

  private Mono<List<ServiceHit>> match(Input input, java.util.function.Supplier<Mono<float[]>> vector, RankingMode mode,
      int size, CommissionerEligibility eligibility) {
    return Mono.defer(() -> {
      if (size < 1 || size > settings.maxPageSize()) {
        throw new InvalidSearchException("size", "max");
      }
      if (mode != RankingMode.BM25 && embedder == null) {
        throw new InvalidSearchException("mode", "unavailable");
      }
      var filters = new ArrayList<Query>();
      filters.add(Query.of(q -> q.term(t -> t.field("kind").value(input.target().name()))));
      filters.add(ListingQueries.visible());
      var exclude = input.excludeId() == null ? List.<Query>of()
          : List.of(Query.of(q -> q.ids(i -> i.values(input.excludeId()))));
      var should = new ArrayList<Query>(input.countyClauses());
      if (input.technologyField() != null) {
        should.add(Query.of(q -> q.term(t -> t.field("technologyField").value(input.technologyField()).boost(2f))));
      }
      if (input.serviceType() != null) {
        should.add(Query.of(q -> q.term(t -> t.field("serviceType").value(input.serviceType()).boost(1f))));
      }
      var matchText = Query.of(q -> q.multiMatch(m -> m.query(input.text()).fields(TEXT_FIELDS)
          .type(TextQueryType.BestFields).tieBreaker(0.3)));
      var highlight = ListingQueries.highlight(null, HIGHLIGHT_FIELDS);
      Mono<List<RankFusion.Ranked>> lexical = mode == RankingMode.VECTOR ? Mono.just(List.of())
          : ListingSearch.call(client, search -> search.index(settings.alias())
              .query(q -> q.bool(b -> b.must(matchText).should(should).filter(filters).mustNot(exclude)))
              .highlight(highlight)
              .source(s -> s.filter(f -> f.excludes(ListingQueries.SOURCE_EXCLUDES)))
              .sort(sort -> sort.score(sc -> sc.order(co.elastic.clients.elasticsearch._types.SortOrder.Desc)))
              .sort(sort -> sort.field(f -> f.field("id").order(co.elastic.clients.elasticsearch._types.SortOrder.Asc)))
              .size(settings.rankWindow()))
              .map(response -> ListingSearch.ranked(response.hits().hits()));
      Mono<List<RankFusion.Ranked>> semantic = mode == RankingMode.BM25 ? Mono.just(List.of())
          : ListingSearch.tolerant(mode, vector.get().flatMap(queryVector -> {
            var knnFilters = new ArrayList<>(filters);
            if (!exclude.isEmpty()) {
              knnFilters.add(Query.of(q -> q.bool(b -> b.mustNot(exclude))));
            }
            return knn(queryVector, matchText, knnFilters);
          }));
      var now = clock.instant();
      return Mono.zip(lexical, semantic)
          .map(both -> fusion.fuse(both.getT1(), both.getT2(), fusion.fusionFor(mode, true), Set.of(), now).stream()
              .map(ServiceMatcher::hit)
              .toList())
          .flatMap(hits -> eligible(hits, eligibility))
          .map(hits -> hits.stream().limit(size)
              .map(hit -> hit.with(Highlights.safe(hit.highlights()), reasons(hit, input)))
              .toList())
          .onErrorResume(ListingSearch::isIndexMissing, error -> Mono.just(List.of()));
    });
  }

  private Mono<List<ServiceHit>> eligible(List<ServiceHit> hits, CommissionerEligibility eligibility) {
    var subjects = hits.stream().map(ServiceHit::commissioner).filter(Objects::nonNull).map(ServiceHit.Commissioner::subject)
        .filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
    if (subjects.isEmpty()) {
      return Mono.just(hits);
    }
    return eligibility.eligibleAmong(subjects).map(allowed -> hits.stream()
        .filter(hit -> hit.commissioner() == null || allowed.contains(hit.commissioner().subject()))
        .toList());
  }

  private Mono<List<RankFusion.Ranked>> knn(float[] vector, Query highlightQuery, List<Query> filters) {
    var queryVector = new ArrayList<Float>(vector.length);
    for (var value : vector) {
      queryVector.add(value);
    }
    var window = settings.rankWindow();
    var knn = KnnSearch.of(k -> {
      k.field("embedding").queryVector(queryVector).k(window).numCandidates(Math.max(2 * window, 100)).filter(filters);
      if (settings.matchMinSimilarity() > 0) {
        k.similarity((float) settings.matchMinSimilarity());
      }
      return k;
    });
    return ListingSearch.call(client, search -> search.index(settings.alias())
        .knn(knn)
        .highlight(ListingQueries.highlight(highlightQuery, HIGHLIGHT_FIELDS))
        .source(s -> s.filter(f -> f.excludes(ListingQueries.SOURCE_EXCLUDES)))
        .size(window))
        .map(response -> ListingSearch.ranked(response.hits().hits()));
  }

  private Mono<float[]> vector(String text, boolean asQuery) {
    return Mono.defer(() -> asQuery ? embedder.embedQuery(text) : embedder.embedPassage(text));
  }

  private static ServiceHit hit(RankFusion.Fused fused) {
    var source = fused.source();
    var kind = ServiceHit.Kind.valueOf(text(source, "kind"));
    var offer = kind == ServiceHit.Kind.OFFER;
    var published = text(source, "publishedAt");
    return new ServiceHit(kind, fused.id(), source.get("version") instanceof Number n ? n.longValue() : 0,
        text(source, "title"), offer ? text(source, "description") : text(source, "problem"),
        fused.highlights() == null ? Map.of() : fused.highlights(),
        text(source, "technologyField"), text(source, "serviceType"), texts(source, "counties"), texts(source, "modes"),
        offer ? new ServiceHit.Commissioner(text(source, "commissionerSubject"), text(source, "commissionerName")) : null,
        offer ? null : new ServiceHit.Requester(text(source, "requesterKind"), text(source, "organisationId"),
            text(source, "organisationName"), text(source, "placeName"), text(source, "villageId")),
        text(source, "deadline"), text(source, "status"), published == null ? null : Instant.parse(published),
        fused.breakdown().finalScore(), fused.breakdown(), null);
  }

  private static MatchReasons reasons(ServiceHit hit, Input input) {
    var shared = new ArrayList<String>();
    if (input.technologyField() != null && input.technologyField().equals(hit.technologyField())) {
      shared.add("technologyField");
    }
    if (input.serviceType() != null && input.serviceType().equals(hit.serviceType())) {
      shared.add("serviceType");
    }
    if (input.countyMatches().test(hit)) {
      shared.add("county");
    }
    var raw = hit.highlights(); // still raw (marks, not yet escaped): the terms are read from the marks
    return new MatchReasons(Highlights.terms(raw), List.copyOf(raw.keySet()),
        hit.breakdown() == null ? null : hit.breakdown().vectorSimilarity(), shared);
  }

  /** A county and the divisions that cover it: 620826 → 620826, 620800, 620000. */
  static List<String> covering(String county) {
    var codes = new ArrayList<String>();
    codes.add(county);
    if (county.length() == 6) {
      var city = county.substring(0, 4) + "00";
      var province = county.substring(0, 2) + "0000";
      if (!codes.contains(city)) {
        codes.add(city);
      }
      if (!codes.contains(province)) {
        codes.add(province);
      }
    }
    return codes;
  }

  /** Whether the served division {@code served} contains {@code county} (a code ending in 00 covers its subdivisions). */
  static boolean covers(String served, String county) {
    if (served == null || county == null) {
      return false;
    }
    var prefix = served;
    while (prefix.length() > 2 && prefix.endsWith("00")) {
      prefix = prefix.substring(0, prefix.length() - 2);
    }
    return county.startsWith(prefix);
  }

  /** Requests whose county lies in {@code served}. */
  private static Query within(String served) {
    var prefix = served;
    while (prefix.length() > 2 && prefix.endsWith("00")) {
      prefix = prefix.substring(0, prefix.length() - 2);
    }
    var start = prefix;
    return start.equals(served) ? Query.of(q -> q.term(t -> t.field("counties").value(served)))
        : Query.of(q -> q.prefix(p -> p.field("counties").value(start)));
  }

  private static String join(String... parts) {
    return Stream.of(parts).filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
        .collect(Collectors.joining("\n"));
  }

  private static String text(Map<String, Object> source, String field) {
    var value = source.get(field);
    return value == null ? null : value.toString();
  }

  private static List<String> texts(Map<String, Object> source, String field) {
    return source.get(field) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }
}
