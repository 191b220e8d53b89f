package org.pingliang.techmarket.search.query.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.pingliang.techmarket.search.query.HolderVerification;
import org.pingliang.techmarket.search.query.ListingSearch;
import org.pingliang.techmarket.search.query.RankingMode;
import org.pingliang.techmarket.search.query.SearchCluster;
import org.pingliang.techmarket.search.query.SearchFilters;
import org.pingliang.techmarket.search.query.SearchRequest;
import org.pingliang.techmarket.search.query.SearchSettings;

/**
 * Search latency through marketplace's {@code /api/search} against the very same Elasticsearch
 * request sent straight to the cluster (built by the same library code), closed-loop at several
 * concurrency levels. BM25 mode, so both paths make exactly one cluster request per search.
 *
 * <pre>
 * java -cp techmarket-search.jar:... org.pingliang.techmarket.search.query.bench.SearchLatencyBench \
 *   --api http://127.0.0.1:8080 --elasticsearch http://127.0.0.1:9200 --prefix "" \
 *   --concurrency 1,16,64 --seconds 20 --warmup-seconds 5
 * </pre>
 *
 * The evaluation's benchmark may also call {@link #run} and print the rows its own way.
 */
public final class SearchLatencyBench {

  /** Realistic queries of the market's users. */
  public static final List<String> QUERIES = List.of("马铃薯", "土豆 种薯", "苹果 冷链", "平凉红牛 育肥", "煤化工 废水",
      "旱作 节水灌溉", "中药材 种植", "乡村旅游", "光伏 提水", "果园 病虫害", "牛肉 精深加工", "苹果 深加工",
      "冷库 节能", "种业 脱毒", "煤矸石 综合利用", "智慧农业 物联网");

  private SearchLatencyBench() {}

  /** One measured path at one concurrency. */
  public record Row(String path, int concurrency, long requests, long errors, double p50Millis, double p99Millis,
      double throughputPerSecond) {}

  public static void main(String[] args) throws Exception {
    var options = options(args);
    var api = URI.create(options.getOrDefault("api", "http://127.0.0.1:8080"));
    var elasticsearch = URI.create(options.getOrDefault("elasticsearch", "http://127.0.0.1:9200"));
    var prefix = options.getOrDefault("prefix", "");
    var levels = Arrays.stream(options.getOrDefault("concurrency", "1,16,64").split(",")).map(String::strip)
        .mapToInt(Integer::parseInt).toArray();
    var seconds = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
    var warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup-seconds", "5")));
    var rows = run(api, elasticsearch, prefix, levels, seconds, warmup);
    System.out.println(table(rows));
  }

  public static List<Row> run(URI api, URI elasticsearch, String prefix, int[] levels, Duration duration,
      Duration warmup) throws Exception {
    try (var cluster = SearchCluster.connect(elasticsearch, Duration.ofSeconds(30), Duration.ofSeconds(2));
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      var search = cluster.listingSearch(SearchSettings.defaults(prefix + "listings"), null, HolderVerification.NONE,
          Clock.systemUTC());
      Function<String, CompletableFuture<?>> viaApi = query -> http.sendAsync(HttpRequest.newBuilder(
              api.resolve("/api/search?mode=bm25&size=20&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
              .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray())
          .thenApply(response -> {
            if (response.statusCode() != 200) {
              throw new IllegalStateException("HTTP " + response.statusCode());
            }
            return response;
          });
      Function<String, CompletableFuture<?>> direct = query -> cluster.client()
          .search(request(search, query), Map.class);
      var rows = new ArrayList<Row>();
      for (var level : levels) {
        measure("api", viaApi, level, warmup);
        rows.add(measure("api", viaApi, level, duration));
        measure("elasticsearch", direct, level, warmup);
        rows.add(measure("elasticsearch", direct, level, duration));
      }
      return rows;
    }
  }

  private static co.elastic.clients.elasticsearch.core.SearchRequest request(ListingSearch search, String query) {
    return search.firstPageRequest(new SearchRequest(query, SearchFilters.NONE, null, RankingMode.BM25, 20, null));
  }

  /** Closed loop: each of {@code concurrency} workers sends its next query when the last answered. */
  static Row measure(String path, Function<String, CompletableFuture<?>> call, int concurrency, Duration duration)
      throws Exception {
    var latencies = new ArrayList<long[]>();
    var errors = new AtomicLong();
    var deadline = System.nanoTime() + duration.toNanos();
    var workers = new ArrayList<CompletableFuture<Void>>();
    var started = System.nanoTime();
    for (var w = 0; w < concurrency; w++) {
      var samples = new long[1 << 20];
      var count = new int[1];
      latencies.add(samples);
      var worker = new CompletableFuture<Void>();
      loop(call, w, samples, count, errors, deadline, worker);
      workers.add(worker.thenRun(() -> samples[samples.length - 1] = count[0]));
    }
    CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get();
    var elapsed = (System.nanoTime() - started) / 1e9;
    var all = latencies.stream().flatMapToLong(samples -> Arrays.stream(samples, 0, (int) samples[samples.length - 1]))
        .sorted().toArray();
    var requests = all.length;
    return new Row(path, concurrency, requests, errors.get(), percentile(all, 0.50), percentile(all, 0.99),
        requests / elapsed);
  }

  private static void loop(Function<String, CompletableFuture<?>> call, int worker, long[] samples, int[] count,
      AtomicLong errors, long deadline, CompletableFuture<Void> done) {
    if (System.nanoTime() >= deadline || count[0] >= samples.length - 1) {
      done.complete(null);
      return;
    }
    var query = QUERIES.get((worker + count[0]) % QUERIES.size());
    var start = System.nanoTime();
    call.apply(query).whenComplete((result, error) -> {
      if (error == null) {
        samples[count[0]++] = System.nanoTime() - start;
      } else {
        errors.incrementAndGet();
      }
      loop(call, worker, samples, count, errors, deadline, done);
    });
  }

  private static double percentile(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    var index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  /** The rows as a table, with the API's p50 as a multiple of the cluster's (goal ≤ 1.2×). */
  public static String table(List<Row> rows) {
    var text = new StringBuilder(String.format(Locale.ROOT, "%-14s %5s %9s %7s %10s %10s %11s %10s%n", "path",
        "conc", "requests", "errors", "p50 ms", "p99 ms", "req/s", "p50 ratio"));
    for (var row : rows) {
      var ratio = "";
      if (row.path().equals("elasticsearch")) {
        var api = rows.stream().filter(r -> r.path().equals("api") && r.concurrency() == row.concurrency()).findFirst();
        ratio = api.map(r -> String.format(Locale.ROOT, "%.2fx", r.p50Millis() / row.p50Millis())).orElse("");
      }
      text.append(String.format(Locale.ROOT, "%-14s %5d %9d %7d %10.2f %10.2f %11.1f %10s%n", row.path(),
          row.concurrency(), row.requests(), row.errors(), row.p50Millis(), row.p99Millis(), row.throughputPerSecond(),
          ratio));
    }
    return text.toString();
  }

  private static Map<String, String> options(String[] args) {
    var options = new java.util.HashMap<String, String>();
    for (var i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }
}
