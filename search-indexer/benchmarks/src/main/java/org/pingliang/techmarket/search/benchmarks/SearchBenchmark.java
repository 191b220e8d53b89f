package org.pingliang.techmarket.search.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.pingliang.techmarket.events.EventEnvelope;
import org.pingliang.techmarket.events.EventStreams;
import org.pingliang.techmarket.search.embedding.BgeSmallZhEmbedder;
import org.pingliang.techmarket.search.embedding.ListingEmbeddingText;
import org.pingliang.techmarket.search.query.HolderVerification;
import org.pingliang.techmarket.search.query.ListingSearch;
import org.pingliang.techmarket.search.query.QueryEmbedder;
import org.pingliang.techmarket.search.query.RankingMode;
import org.pingliang.techmarket.search.query.SearchCluster;
import org.pingliang.techmarket.search.query.SearchFilters;
import org.pingliang.techmarket.search.query.SearchRequest;
import org.pingliang.techmarket.search.query.SearchSettings;
import org.pingliang.techmarket.testsupport.KeycloakTokens;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search benchmarks of the "Search and matching" issue (infra/bin/bench-search runs it against a
 * marketplace it started; this class starts and stops its own search-indexer):
 * <ol>
 *   <li>a corpus of 100,000 generated listings in the listings index (bulk-loaded with derived
 *       vectors, reused by the next run when unchanged);</li>
 *   <li>search p50/p99 and throughput through {@code GET /api/search} at concurrency 1, 16 and 64,
 *       against the same searches made straight to Elasticsearch by the search library in this JVM
 *       (identical Elasticsearch requests, no marketplace in between), rounds alternating;</li>
 *   <li>post-to-searchable: create, submit and publish an achievement through the API, then search
 *       for it until it is found;</li>
 *   <li>indexing throughput of search-indexer with embeddings against the model alone, and without
 *       embeddings against a raw {@code _bulk} load of the same documents.</li>
 * </ol>
 */
public final class SearchBenchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
  private static final int[] CONCURRENCY = {1, 16, 64};
  private static final long SEED = 20261126L;
  private static final String MATCH_QUEUE_GROUP = "marketplace-match-queue";
  /** search-indexer's consumer group on the listings stream (techmarket.indexer.consumer-group). */
  private static final String INDEXER_GROUP = "search-indexer";

  private final String api;
  private final String alias;
  private final Elasticsearch es;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(8)).build();
  private final CorpusGenerator generator = new CorpusGenerator(SEED);
  /** Clients that send the raw bulk load at once (-DrawClients). */
  private final int rawClients = Integer.getInteger("rawClients", 1);
  private final List<String> lines = new ArrayList<>();

  private SearchBenchmark(String api, String esUrl, String prefix) {
    this.api = api;
    this.alias = prefix + "listings";
    this.es = new Elasticsearch(esUrl);
  }

  public static void main(String[] args) throws Exception {
    var env = System.getenv();
    var bench = new SearchBenchmark(args.length > 0 ? args[0] : "http://127.0.0.1:8090",
        env.getOrDefault("TECHMARKET_ELASTICSEARCH_URL", "http://127.0.0.1:9200"),
        env.getOrDefault("TECHMARKET_ELASTICSEARCH_INDEX_PREFIX", "bench-"));
    var indexer = new IndexerProcess(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        Path.of(System.getProperty("indexer.jar")), Integer.getInteger("indexer.port", 8091),
        Path.of(System.getProperty("indexer.log", "bench-search-indexer.log")),
        List.of(System.getProperty("indexer.javaOptions", "-Xms64m -Xmx512m -XX:+UseSerialGC").split(" ")));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        indexer.stop();
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    }));
    try (var embedder = new BgeSmallZhEmbedder()) {
      bench.run(indexer, embedder);
    } finally {
      indexer.stop();
    }
    System.exit(0);
  }

  private void run(IndexerProcess indexer, BgeSmallZhEmbedder embedder) throws Exception {
    var load = loadAverage();
    say("starting search-indexer (with embeddings)");
    indexer.start(true);
    waitFor(() -> es.exists("/_alias/" + alias), Duration.ofMinutes(2), "the indexer to create " + alias);

    var corpus = corpus(embedder, Integer.getInteger("corpus", 100_000));
    try (var redis = redis()) {
      skipForMatchQueue(redis); // what earlier runs fed
      // ... and drop it: every run appends some 150,000 synthetic events, and a stream of a million
      // entries (1.4 GB in Redis, its append-only file rewritten during the measurements) made the
      // indexing figures jump between rounds. This is the benchmark's own Redis database.
      redis.call(List.of("XTRIM", EventStreams.LISTINGS, "MINID", System.currentTimeMillis() + "-0"));
      // A run stopped between holding the indexer's group and releasing it (see feed) left the group
      // an hour ahead, where it would miss the real listings of post-to-searchable.
      try {
        redis.call(List.of("XGROUP", "SETID", EventStreams.LISTINGS, INDEXER_GROUP, "$"));
      } catch (java.io.IOException noGroupYet) {
        // The indexer creates its group from the start of the stream right after its index.
      }
    }

    var scheduler = Schedulers.newBoundedElastic(2, 10_000, "bench-embed");
    QueryEmbedder queryEmbedder = new QueryEmbedder() {
      @Override
      public Mono<float[]> embedQuery(String text) {
        return Mono.fromCallable(() -> embedder.embedQuery(text)).subscribeOn(scheduler);
      }

      @Override
      public Mono<float[]> embedPassage(String text) {
        return Mono.fromCallable(() -> embedder.embedPassage(text)).subscribeOn(scheduler);
      }
    };
    // -Dparts=search,post,indexing (the default: all) runs only some of the measurements, for iterations.
    var parts = Set.of(System.getProperty("parts", "search,post,indexing").split(","));
    if (parts.contains("search")) {
      try (var cluster = SearchCluster.connect(URI.create(System.getenv().getOrDefault("TECHMARKET_ELASTICSEARCH_URL",
          "http://127.0.0.1:9200")), Duration.ofSeconds(5), Duration.ofSeconds(1))) {
        // The marketplace's settings (application.yaml techmarket.search.*: timeouts 5 s / 1 s, ranking), so
        // both send the same requests through the same kind of connection.
        var settings = new SearchSettings(alias, 60, 100, 100, 0.1, 0.1, Duration.ofDays(90), 0.5, 0.0);
        var search = cluster.listingSearch(settings, queryEmbedder, HolderVerification.NONE, Clock.systemUTC());
        searchLatency(search, cluster);
      }
    }
    if (parts.contains("post")) {
      postToSearchable(Integer.getInteger("posts", 40));
    }
    if (parts.contains("indexing")) {
      indexing(indexer, embedder, Integer.getInteger("embeddingSample", 500), Integer.getInteger("plainSample", 20_000));
    }
    scheduler.dispose();

    System.out.println();
    System.out.printf(Locale.ROOT, "== bench-search: %d cores, load average at start %s, at end %s; corpus %s%n",
        Runtime.getRuntime().availableProcessors(), load, loadAverage(), corpus);
    lines.forEach(System.out::println);
  }

  // ------------------------------------------------------------------ corpus

  private String corpus(BgeSmallZhEmbedder embedder, int size) throws Exception {
    var corpusQuery = Elasticsearch.term("organisationId", CorpusDocuments.CORPUS_ORGANISATION);
    es.json("POST", "/" + alias + "/_refresh", null);
    var have = es.count(alias, corpusQuery);
    if (have == size) {
      say("corpus: %d listings already in %s (same generator and seed), reused", have, alias);
      return String.format(Locale.ROOT, "%,d listings (reused from an earlier run)", have);
    }
    if (have > 0) {
      es.deleteWhere(alias, corpusQuery);
    }
    var cache = Path.of(System.getProperty("cache.dir", "."));
    var basisStarted = System.nanoTime();
    var documents = new CorpusDocuments(generator, embedder, cache, SEED);
    var basisSeconds = (System.nanoTime() - basisStarted) / 1e9;
    es.json("PUT", "/" + alias + "/_settings", "{\"index\":{\"refresh_interval\":\"-1\"}}");
    var started = System.nanoTime();
    var batch = 1_000;
    var done = new AtomicLong();
    try (var senders = Executors.newFixedThreadPool(2)) {
      var futures = new ArrayList<java.util.concurrent.Future<?>>();
      for (var from = 0; from < size; from += batch) {
        var start = from;
        futures.add(senders.submit(() -> {
          var body = new StringBuilder(batch * 6_000);
          for (long n = start; n < Math.min(size, start + batch); n++) {
            var doc = documents.document(n);
            body.append("{\"index\":{\"_id\":\"").append(doc.get("id")).append("\"}}\n")
                .append(JSON.writeValueAsString(doc)).append('\n');
          }
          es.bulk("/" + alias + "/_bulk", body.toString());
          var total = done.addAndGet(Math.min(size, start + batch) - start);
          if (total % 20_000 == 0) {
            say("corpus: %,d / %,d loaded", total, size);
          }
          return null;
        }));
      }
      for (var future : futures) {
        future.get();
      }
    } finally {
      es.json("PUT", "/" + alias + "/_settings", "{\"index\":{\"refresh_interval\":null}}");
    }
    es.json("POST", "/" + alias + "/_refresh", null);
    var seconds = (System.nanoTime() - started) / 1e9;
    var loaded = es.count(alias, corpusQuery);
    say("corpus: %,d listings bulk-loaded in %.0f s (%.0f docs/s); model basis %.0f s", loaded, seconds, loaded / seconds,
        basisSeconds);
    return String.format(Locale.ROOT, "%,d listings bulk-loaded in %.0f s with derived vectors (model basis %.0f s)",
        loaded, seconds, basisSeconds);
  }

  // ------------------------------------------------------------------ search latency

  private void searchLatency(ListingSearch search, SearchCluster cluster) throws Exception {
    var queries = generator.queries(200);
    var rounds = Integer.getInteger("rounds", 3);
    var modes = new ArrayList<RankingMode>(List.of(RankingMode.BM25));
    var hybridProbe = get(api + "/api/search?size=1&mode=hybrid&q=" + encode(queries.getFirst()));
    if (hybridProbe.statusCode() == 200) {
      modes.add(RankingMode.HYBRID);
    } else {
      report("search HYBRID through the API: not measured, the API answered " + hybridProbe.statusCode()
          + " to mode=hybrid (" + abbreviate(hybridProbe.body()) + ")");
    }
    report("");
    report(String.format(Locale.ROOT, "%-7s %5s | %-34s | %-34s | %s", "search", "conc.", "API  GET /api/search (size 20)",
        "direct  same request(s) -> ES", "API/direct p50, throughput"));
    for (var mode : modes) {
      var perCell = mode == RankingMode.BM25 ? Integer.getInteger("bm25Requests", 600) : Integer.getInteger("hybridRequests", 200);
      var modeName = mode.name().toLowerCase(Locale.ROOT);
      Load.Call viaApi = i -> get(api + "/api/search?size=20&mode=" + modeName + "&q=" + encode(queries.get(i % queries.size())))
          .statusCode() == 200;
      // BM25: the one Elasticsearch request the API's search sends (built by the same library code), sent
      // with the raw client. HYBRID makes two requests and embeds the query: the library call itself.
      Load.Call direct = mode == RankingMode.BM25
          ? i -> cluster.client().search(search.firstPageRequest(new SearchRequest(queries.get(i % queries.size()),
              SearchFilters.NONE, null, mode, 20, null)), Map.class).get(60, java.util.concurrent.TimeUnit.SECONDS) != null
          : i -> search.search(new SearchRequest(queries.get(i % queries.size()), SearchFilters.NONE, null, mode,
              20, null)).block(Duration.ofSeconds(60)) != null;
      // A freshly started marketplace runs its first few hundred searches through cold code (the
      // interpreter, then C1): what the goal is about is the steady state, so both paths are warmed
      // up with many more searches than one cell sends, and again at concurrency 1.
      var warmUp = Integer.getInteger("warmUpRequests", mode == RankingMode.BM25 ? 1500 : 300);
      say("search %s: warming up (%d searches per path)", mode, warmUp);
      Load.run(warmUp, 16, viaApi);
      Load.run(warmUp, 16, direct);
      Load.run(Math.min(100, warmUp), 1, viaApi);
      Load.run(Math.min(100, warmUp), 1, direct);
      for (var concurrency : CONCURRENCY) {
        var viaApiResults = new ArrayList<Load.Result>();
        var directResults = new ArrayList<Load.Result>();
        for (var round = 0; round < rounds; round++) {
          viaApiResults.add(Load.run(perCell, concurrency, viaApi));
          directResults.add(Load.run(perCell, concurrency, direct));
          say("search %s c=%d round %d: API p50 %.1f ms %.0f/s (%d failed) | direct p50 %.1f ms %.0f/s (%d failed)", mode,
              concurrency, round + 1, viaApiResults.getLast().percentile(50), viaApiResults.getLast().throughput(),
              viaApiResults.getLast().failures(), directResults.getLast().percentile(50), directResults.getLast().throughput(),
              directResults.getLast().failures());
        }
        var a = summary(viaApiResults);
        var d = summary(directResults);
        report(String.format(Locale.ROOT, "%-7s %5d | p50 %6.1f  p99 %6.1f ms %6.0f/s | p50 %6.1f  p99 %6.1f ms %6.0f/s | %5.2fx  %5.2fx%s",
            mode, concurrency, a[0], a[1], a[2], d[0], d[1], d[2], a[0] / d[0], a[2] / d[2],
            a[3] + d[3] > 0 ? "  (" + (int) (a[3] + d[3]) + " failed)" : ""));
      }
    }
    report(String.format(Locale.ROOT, "        (goal: API p50 <= 1.2x direct; medians of %d rounds; %d generated queries; warmed up first)",
        rounds, queries.size()));
    report("        (direct BM25 = the API's one Elasticsearch request, built by ListingSearch.firstPageRequest, raw client;");
    report("         direct HYBRID = ListingSearch.search in this JVM: query embedding, BM25 and kNN requests, fusion;");
    report("         the API also looks up holder verification)");
  }

  /** Medians over rounds of p50, p99, throughput, and the total failures. */
  private static double[] summary(List<Load.Result> results) {
    return new double[] {
        Load.median(results.stream().map(r -> r.percentile(50)).toList()),
        Load.median(results.stream().map(r -> r.percentile(99)).toList()),
        Load.median(results.stream().map(Load.Result::throughput).toList()),
        results.stream().mapToInt(Load.Result::failures).sum()};
  }

  // ------------------------------------------------------------------ post to searchable

  private void postToSearchable(int count) throws Exception {
    var organisation = organisation();
    var fromPublish = new ArrayList<Double>();
    var fromCreate = new ArrayList<Double>();
    var fromAnswer = new ArrayList<Double>();
    var missed = 0;
    // The first publications after start-up load the marketplace's embedding model (the match queue's
    // first match) and run cold code paths: a one-off start-up cost, not the latency of a running
    // system, so a few posts warm up first and are not counted (like the warm-up of the search part).
    var warmUp = Integer.getInteger("postWarmUp", 3);
    say("post-to-searchable: %d achievements, one after another, after %d not counted", count, warmUp);
    for (var i = -warmUp; i < count; i++) {
      var code = "PT" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36 * 36), 36)
          .toUpperCase(Locale.ROOT);
      var listing = generator.listing(i < 0 ? 49_000_000L - i * 5L : 50_000_000L + i * 5L);
      var created = System.nanoTime();
      var body = """
          {"organisationId":"%s","title":"%s","summary":"%s","description":"%s","technologyField":"%s",
           "industryTags":%s,"maturity":"%s","trl":6,"ip":{"patents":[],"softwareCopyrights":[],"plantVarieties":[]},
           "transferModes":["LICENCE"],"askingPrice":{"amountFen":50000000,"currency":"CNY"},"priceNegotiable":false,
           "regionCode":"%s"}""".formatted(organisation, listing.title().replaceAll(" PL\\w+$", "") + " " + code,
          listing.summary(), listing.description(), listing.technologyField(), JSON.writeValueAsString(listing.industryTags()),
          listing.maturity(), listing.regionCode());
      var university = KeycloakTokens.user("university");
      var admin = KeycloakTokens.user("admin");
      var response = send(post(api + "/api/achievements", body).header("Authorization", "Bearer " + university).build());
      if (response.statusCode() != 201) {
        throw new IllegalStateException("create answered " + response.statusCode() + ": " + response.body());
      }
      var id = first(ID, response.body());
      expect(send(post(api + "/api/achievements/" + id + "/submission", "").header("Authorization", "Bearer " + university).build()), 200);
      var published = System.nanoTime();
      expect(send(post(api + "/api/achievements/" + id + "/publication", "").header("Authorization", "Bearer " + admin).build()), 200);
      var answered = System.nanoTime();
      var deadline = published + Duration.ofSeconds(30).toNanos();
      var found = false;
      while (System.nanoTime() < deadline) {
        var answer = get(api + "/api/search?size=1&mode=bm25&type=ACHIEVEMENT&q=" + code);
        if (answer.statusCode() == 200 && !"0".equals(first(TOTAL, answer.body()))) {
          found = true;
          break;
        }
        Thread.sleep(10);
      }
      var now = System.nanoTime();
      if (i < 0) {
        continue;
      }
      if (found) {
        fromPublish.add((now - published) / 1e6);
        fromAnswer.add((now - answered) / 1e6);
        fromCreate.add((now - created) / 1e6);
      } else {
        missed++;
      }
    }
    var p = fromPublish.stream().mapToDouble(Double::doubleValue).toArray();
    var c = fromCreate.stream().mapToDouble(Double::doubleValue).toArray();
    report("");
    report(String.format(Locale.ROOT, "post-to-searchable (%d achievements after %d warm-up, sequential; search polled every 10 ms)%s",
        count, warmUp,
        missed > 0 ? "  " + missed + " NOT FOUND within 30 s" : ""));
    report(String.format(Locale.ROOT, "  from the publish request   p50 %6.0f ms  p99 %6.0f ms   goal p99 <= 1500 ms: %s",
        Load.percentile(p, 50), Load.percentile(p, 99), Load.percentile(p, 99) <= 1500 && missed == 0 ? "met" : "NOT met"));
    report(String.format(Locale.ROOT, "  from the create request    p50 %6.0f ms  p99 %6.0f ms   (create + submit + publish + index)",
        Load.percentile(c, 50), Load.percentile(c, 99)));
    var a = fromAnswer.stream().mapToDouble(Double::doubleValue).toArray();
    report(String.format(Locale.ROOT, "  from the publish answer    p50 %6.0f ms  p99 %6.0f ms   (relay + stream + indexer + refresh + search)",
        Load.percentile(a, 50), Load.percentile(a, 99)));
  }

  private String organisation() throws Exception {
    var body = """
        {"name":"搜索基准测试研究院 %s","kind":"UNIVERSITY","creditCode":"%s","regionCode":"620802","legalEntityType":{"category":"PUBLIC_INSTITUTION","subtype":"HIGHER_EDUCATION"}}"""
        .formatted(UUID.randomUUID().toString().substring(0, 8), creditCode());
    var created = send(post(api + "/api/organisations", body).header("Authorization", "Bearer " + KeycloakTokens.user("university")).build());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("organisation: " + created.statusCode() + " " + created.body());
    }
    var id = first(ID, created.body());
    expect(send(post(api + "/api/organisations/" + id + "/verification", "{\"decision\":\"VERIFIED\"}")
        .header("Authorization", "Bearer " + KeycloakTokens.user("admin")).build()), 200);
    return id;
  }

  // ------------------------------------------------------------------ indexing throughput

  private void indexing(IndexerProcess indexer, BgeSmallZhEmbedder embedder, int embeddingSample, int plainSample)
      throws Exception {
    // 1-2. search-indexer with embeddings (already running), fed through the listings stream, against the
    // model alone in this JVM on the same texts: in rounds that alternate which goes first, each round on
    // listings of its own (the indexer keeps the vectors of recent texts), medians reported. One
    // measurement of each came out anywhere between 0.77x and 0.85x from run to run.
    // (-DembeddingSample=0 skips them.)
    var embeddingRounds = Integer.getInteger("embeddingRounds", 3);
    var modelRate = Double.NaN;
    var indexerWithRate = Double.NaN;
    if (embeddingSample > 0) {
      // The marketplace's match queue embeds and matches the listings of post-to-searchable, which ran
      // just before: measured meanwhile, the model alone came out at a third of its rate.
      awaitMatchQueueIdle();
      // Both paths embed a few texts first: the first inferences of a model run slower.
      feed(achievements(59_000_000L, 20), "with embeddings (warm-up)");
      embedder.embedPassages(embeddingTexts(achievements(59_500_000L, 20)));
      var indexerRates = new ArrayList<Double>();
      var modelRates = new ArrayList<Double>();
      for (var round = 0; round < embeddingRounds; round++) {
        var listings = achievements(60_000_000L + round * 1_000_000L, embeddingSample);
        var texts = embeddingTexts(listings);
        if (round % 2 == 0) {
          indexerRates.add(feed(listings, "with embeddings"));
          modelRates.add(modelRate(embedder, texts));
        } else {
          modelRates.add(modelRate(embedder, texts));
          indexerRates.add(feed(listings, "with embeddings"));
        }
        say("round %d: search-indexer with embeddings %.1f listings/s, model alone %.1f texts/s, ratio %.2f", round + 1,
            indexerRates.getLast(), modelRates.getLast(), indexerRates.getLast() / modelRates.getLast());
      }
      indexerWithRate = Load.median(indexerRates);
      modelRate = Load.median(modelRates);
    }

    // 3. search-indexer without embeddings against a raw bulk load of the same documents, in rounds that
    // alternate which goes first (on a shared host the load drifts within minutes), medians reported.
    // Both paths are warmed up first on other listings (a freshly started indexer runs its first events
    // through cold code, while this JVM has been running for minutes).
    indexer.stop();
    say("restarting search-indexer without embeddings");
    indexer.start(false);
    var plain = achievements(70_000_000L, plainSample);
    var warmUp = Integer.getInteger("plainWarmUp", 30_000);
    feed(achievements(80_000_000L, warmUp), "without embeddings (warm-up)");
    rawBulk(achievements(75_000_000L, warmUp));
    // The JIT compiles what the warm-up made hot on the same two cores: give it a moment, or the
    // first round still ran partly through C1 code (0.4x, the later rounds 0.7-0.8x).
    Thread.sleep(Long.getLong("plainWarmUpPauseMillis", 10_000L));
    var rounds = Integer.getInteger("indexingRounds", 5);
    var indexerRates = new ArrayList<Double>();
    var rawRates = new ArrayList<Double>();
    for (var round = 0; round < rounds; round++) {
      if (round % 2 == 0) {
        indexerRates.add(feed(plain, "without embeddings"));
        rawRates.add(rawBulk(plain));
      } else {
        rawRates.add(rawBulk(plain));
        indexerRates.add(feed(plain, "without embeddings"));
      }
      say("round %d: search-indexer %.1f listings/s, raw _bulk %.1f docs/s, ratio %.2f", round + 1, indexerRates.getLast(),
          rawRates.getLast(), indexerRates.getLast() / rawRates.getLast());
    }
    indexer.stop();
    var indexerPlainRate = Load.median(indexerRates);
    var rawRate = Load.median(rawRates);

    report("");
    report(String.format(Locale.ROOT, "indexing throughput (a backlog of events on the listings stream worked off by search-indexer, until all are searchable)"));
    if (embeddingSample > 0) {
      report(String.format(Locale.ROOT, "  search-indexer with embeddings    %8.1f listings/s  (%d listings, median of %d rounds)",
          indexerWithRate, embeddingSample, embeddingRounds));
      report(String.format(Locale.ROOT, "  model alone, same texts           %8.1f texts/s     ratio %.2f   goal >= 0.80",
          modelRate, indexerWithRate / modelRate));
    }
    report(String.format(Locale.ROOT, "  search-indexer without embeddings %8.1f listings/s  (%d listings, median of %d rounds)",
        indexerPlainRate, plain.size(), rounds));
    report(String.format(Locale.ROOT, "  raw _bulk of the same documents   %8.1f docs/s      ratio %.2f   goal >= 0.70  (500 per request, %s, external versions; same rounds)",
        rawRate, indexerPlainRate / rawRate, rawClients == 1 ? "one client" : rawClients + " clients at once"));
    report("  (measured on samples, not on 100,000: the model embeds a few texts a second on two shared cores)");
  }

  /**
   * Merges the deleted documents of the last measurement away before the next one: otherwise the
   * cluster merged them during whichever measurement came next (after the warm-up, 60,000 of them:
   * the first round ran at two thirds of the others' rate).
   */
  private void settle() {
    es.json("POST", "/" + alias + "/_forcemerge?only_expunge_deletes=true", null);
  }

  /** The texts the indexer embeds for these listings. */
  private static List<String> embeddingTexts(List<CorpusGenerator.Listing> listings) {
    return listings.stream().map(l -> ListingEmbeddingText.of(l.title(), l.embeddingSummary(), l.embeddingDescription(),
        l.industryTags())).toList();
  }

  private static double modelRate(BgeSmallZhEmbedder embedder, List<String> texts) {
    var started = System.nanoTime();
    embedder.embedPassages(texts);
    return texts.size() / ((System.nanoTime() - started) / 1e9);
  }

  /** Waits (up to two minutes) until the marketplace's match queue has no entry in work. */
  private static void awaitMatchQueueIdle() throws Exception {
    var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    try (var redis = redis()) {
      while (System.nanoTime() < deadline) {
        String pending;
        try {
          pending = redis.call(List.of("XPENDING", EventStreams.LISTINGS, MATCH_QUEUE_GROUP));
        } catch (java.io.IOException noGroup) {
          return;
        }
        if (pending == null || "0".equals(pending)) {
          return;
        }
        Thread.sleep(500);
      }
    }
    say("the match queue still had entries in work after two minutes; measuring anyway");
  }

  /**
   * The raw load sends the indexer's requests without the indexer: the same documents, 500 per _bulk
   * request (the indexer's batch-size), the same external versions, timed the same way, until all are
   * searchable, with the same poller (refresh + count every 200 ms) running from the start.
   */
  private double rawBulk(List<CorpusGenerator.Listing> plain) throws Exception {
    var organisation = UUID.randomUUID().toString();
    var rawStarted = System.nanoTime();
    double rawRate;
    var next = new java.util.concurrent.atomic.AtomicInteger();
    try (var sender = Executors.newFixedThreadPool(rawClients)) {
      var sends = new ArrayList<java.util.concurrent.Future<Object>>();
      for (var c = 0; c < rawClients; c++) {
        sends.add(sender.submit(() -> {
        for (var from = next.getAndAdd(500); from < plain.size(); from = next.getAndAdd(500)) {
          var body = new StringBuilder();
          for (var listing : plain.subList(from, Math.min(plain.size(), from + 500))) {
            var id = UUID.nameUUIDFromBytes(("raw:" + organisation + ":" + listing.id()).getBytes(StandardCharsets.UTF_8))
                .toString();
            var doc = CorpusDocuments.fields(listing, organisation, Instant.now().toString());
            doc.put("id", id);
            body.append("{\"index\":{\"_id\":\"").append(id).append("\",\"version\":1,\"version_type\":\"external\"}}\n")
                .append(JSON.writeValueAsString(doc)).append('\n');
          }
          es.bulk("/" + alias + "/_bulk", body.toString());
        }
        return null;
        }));
      }
      var indexed = awaitSearchable(Elasticsearch.term("organisationId", organisation), plain.size(), rawStarted);
      for (var sending : sends) {
        sending.get();
      }
      rawRate = indexed / ((System.nanoTime() - rawStarted) / 1e9);
    }
    es.deleteWhere(alias, Elasticsearch.term("organisationId", organisation));
    settle();
    return rawRate;
  }

  private List<CorpusGenerator.Listing> achievements(long from, int count) {
    var list = new ArrayList<CorpusGenerator.Listing>(count);
    for (var n = from; list.size() < count; n++) {
      var listing = generator.listing(n);
      if (listing.type().equals("ACHIEVEMENT")) {
        list.add(listing);
      }
    }
    return list;
  }

  /**
   * Appends one AchievementPublished event per listing as a backlog, then lets the indexer work it
   * off; answers listings/s from the release until all are searchable. The indexer's consumer
   * group is held while the events are appended (its last-delivered id set an hour ahead, so its
   * blocked read takes none of them), then set back to just before the first and woken by the last
   * event: the time is the indexer's, not this JVM's building and appending of 5,000 events (which
   * the outbox relay does in production, and which took as long as the indexing itself).
   */
  private double feed(List<CorpusGenerator.Listing> listings, String label) throws Exception {
    var organisation = UUID.randomUUID().toString();
    long started;
    String first;
    try (var redis = redis()) {
      hold(redis, MATCH_QUEUE_GROUP);
      hold(redis, INDEXER_GROUP);
      var appending = System.nanoTime();
      var now = Instant.now().toString();
      first = redis.call(event(listings.getFirst(), organisation, now));
      for (var listing : listings.subList(1, listings.size() - 1)) {
        redis.send(event(listing, organisation, now));
      }
      redis.flush();
      var appended = System.nanoTime() - appending;
      started = System.nanoTime();
      redis.call(List.of("XGROUP", "SETID", EventStreams.LISTINGS, INDEXER_GROUP, before(first)));
      if (listings.size() > 1) {
        redis.call(event(listings.getLast(), organisation, now));
      }
      skipForMatchQueue(redis);
      say("search-indexer %s: %d events appended in %.0f ms, then released", label, listings.size(), appended / 1e6);
    }
    var query = Elasticsearch.term("organisationId", organisation);
    var indexed = awaitSearchable(query, listings.size(), started);
    var rate = indexed / ((System.nanoTime() - started) / 1e9);
    say("search-indexer %s: %d listings, %.1f listings/s", label, indexed, rate);
    es.deleteWhere(alias, query);
    settle();
    try (var redis = redis()) {
      // The earlier feeds, long acknowledged by every group (see run()).
      redis.call(List.of("XTRIM", EventStreams.LISTINGS, "MINID", first));
    }
    if (indexed < listings.size()) {
      throw new IllegalStateException("search-indexer " + label + " indexed only " + indexed + " of " + listings.size());
    }
    return rate;
  }

  /** The XADD of one listing's AchievementPublished event, as the outbox relay appends it. */
  private static List<String> event(CorpusGenerator.Listing listing, String organisation, String now) throws Exception {
    var id = UUID.nameUUIDFromBytes(("feed:" + organisation + ":" + listing.id()).getBytes(StandardCharsets.UTF_8));
    var payload = new LinkedHashMap<String, Object>();
    payload.put("id", id.toString());
    payload.put("organisation", Map.of("id", organisation, "name", listing.organisationName()));
    payload.put("title", listing.title());
    payload.put("summary", listing.summary());
    payload.put("description", listing.description());
    payload.put("technologyField", listing.technologyField());
    payload.put("industryTags", listing.industryTags());
    payload.put("maturity", listing.maturity());
    payload.put("transferModes", listing.modes());
    payload.put("askingPrice", listing.priceFen() == null ? null : Map.of("amountFen", listing.priceFen(), "currency", "CNY"));
    payload.put("priceNegotiable", listing.priceFen() == null);
    payload.put("regionCode", listing.regionCode());
    payload.put("status", "PUBLISHED");
    payload.put("publishedAt", now);
    payload.put("updatedAt", now);
    payload.put("version", 1);
    var event = new EventEnvelope(UUID.randomUUID(), "AchievementPublished", "Achievement", id, 1, Instant.now(), 1,
        JSON.writeValueAsString(payload));
    var command = new ArrayList<String>(List.of("XADD", EventStreams.LISTINGS, "*"));
    event.toStreamFields().forEach((k, v) -> {
      command.add(k);
      command.add(v);
    });
    return command;
  }

  /** The stream id just before {@code id} ("ms-seq"): a group set to it reads {@code id} next. */
  static String before(String id) {
    var dash = id.indexOf('-');
    var ms = Long.parseLong(id.substring(0, dash));
    var seq = Long.parseUnsignedLong(id.substring(dash + 1));
    return seq > 0 ? ms + "-" + (seq - 1) : (ms - 1) + "-" + Long.toUnsignedString(-1L);
  }

  private static Resp redis() throws java.io.IOException {
    var env = System.getenv();
    return new Resp(env.getOrDefault("TECHMARKET_REDIS_HOST", "127.0.0.1"),
        Integer.parseInt(env.getOrDefault("TECHMARKET_REDIS_PORT", "6379")), env.get("TECHMARKET_REDIS_PASSWORD"),
        Integer.parseInt(env.getOrDefault("TECHMARKET_REDIS_DATABASE", "0")));
  }

  /** Sets the group's last-delivered id an hour ahead: new entries are not new to it until set back. */
  private static void hold(Resp redis, String group) throws java.io.IOException {
    try {
      redis.call(List.of("XGROUP", "SETID", EventStreams.LISTINGS, group, (System.currentTimeMillis() + 3_600_000L) + "-0"));
    } catch (java.io.IOException noGroup) {
      // No such consumer: nothing to hold.
    }
  }

  /**
   * The marketplace under test also consumes the listings stream (the brokers' match queue, its own
   * consumer group): it would embed and match every one of these synthetic events, a few a second,
   * and keep both cores and the cluster busy for hours after the feed, during every later
   * measurement of this run and the next ones. These events exist only to time the indexer, so
   * that group skips them: before the feed it is {@linkplain #hold(Resp, String) held} (entries with
   * lower ids than its last-delivered one are not new to it, so its blocked read takes none of the
   * feed: a batch of 20 embedded and matched while the indexer is timed cost the indexer a third of
   * its rate), and after the feed this sets it to the stream's last entry. Real listings
   * (post-to-searchable) are matched as in production.
   */
  private static void skipForMatchQueue(Resp redis) throws java.io.IOException {
    try {
      redis.call(List.of("XGROUP", "SETID", EventStreams.LISTINGS, MATCH_QUEUE_GROUP, "$"));
    } catch (java.io.IOException noGroup) {
      // The marketplace runs without its match queue: nothing to skip.
    }
  }

  /** Refreshes and counts every 200 ms until {@code expected} documents match (or 30 minutes pass). */
  private long awaitSearchable(String query, int expected, long started) throws InterruptedException {
    var deadline = started + Duration.ofMinutes(30).toNanos();
    long indexed = 0;
    while (System.nanoTime() < deadline) {
      es.json("POST", "/" + alias + "/_refresh", null);
      indexed = es.count(alias, query);
      if (indexed >= expected) {
        break;
      }
      Thread.sleep(200);
    }
    return indexed;
  }

  // ------------------------------------------------------------------ helpers

  private HttpResponse<String> get(String url) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder post(String url, String json) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private static void expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String first(Pattern pattern, String text) {
    var matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException("unexpected answer: " + abbreviate(text));
    }
    return matcher.group(1);
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  /** A line of the final table, also printed at once so a run that fails later keeps what it measured. */
  private void report(String line) {
    lines.add(line);
    System.out.println(line);
  }

  private static void say(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[%tT] " + format + "%n", prepend(new java.util.Date(), args));
  }

  private static Object[] prepend(Object first, Object[] rest) {
    var all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static String loadAverage() {
    try {
      var parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "n/a";
    }
  }

  @FunctionalInterface
  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void waitFor(Condition condition, Duration timeout, String what) throws Exception {
    var deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(250);
    }
  }

  private static String creditCode() {
    var alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    var code = new StringBuilder("12620800");
    var random = ThreadLocalRandom.current();
    for (var i = 0; i < 9; i++) {
      code.append(alphabet.charAt(random.nextInt(31)));
    }
    var sum = 0;
    for (var i = 0; i < 17; i++) {
      sum += alphabet.indexOf(code.charAt(i)) * weights[i];
    }
    return code.append(alphabet.charAt((31 - sum % 31) % 31)).toString();
  }
}
