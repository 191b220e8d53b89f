package org.pingliang.techmarket.search.evaluation;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.apache.hc.core5.http.HttpHost;
import org.pingliang.techmarket.search.embedding.BgeSmallZhEmbedder;
import org.pingliang.techmarket.search.query.HolderVerification;
import org.pingliang.techmarket.search.query.ListingMatcher;
import org.pingliang.techmarket.search.query.ListingSearch;
import org.pingliang.techmarket.search.query.QueryEmbedder;
import org.pingliang.techmarket.search.query.SearchSettings;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code infra/bin/eval-matching}: indexes the labelled achievements into a throwaway index on the
 * running Elasticsearch (the indexer's definition and embeddings), runs every demand through the
 * search library's {@link ListingMatcher} in BM25, VECTOR and HYBRID mode, prints nDCG@10 and P@5
 * per mode (and per case kind; per demand with {@code --details}), and deletes the index.
 *
 * <p>Every table is also printed for the fixed split of the set ({@link MatchingReport#isTuning}):
 * the TUNING half (odd-numbered demands) and the HELD-OUT half (even-numbered). {@code --tune} searches
 * the HYBRID fusion parameters (k, BM25 weight; kNN weight 1) on the tuning half only and prints the
 * grid and the winner; the library default ({@link SearchSettings#DEFAULT_MATCH_FUSION}) was set that way.
 *
 * <p>Arguments: {@code [--details] [--tune]}. Elasticsearch from {@code TECHMARKET_ELASTICSEARCH_URL}.
 */
public final class MatchingEvaluation {

  static final List<String> MODES = List.of("BM25", "VECTOR", "HYBRID");

  public static void main(String[] args) throws Exception {
    var details = List.of(args).contains("--details");
    var tune = List.of(args).contains("--tune");
    var url = System.getenv().getOrDefault("TECHMARKET_ELASTICSEARCH_URL", "http://127.0.0.1:9200");
    var set = EvaluationSet.load();
    var http = new ElasticsearchHttp(url);
    var indexName = "eval-matching-" + System.currentTimeMillis();

    var started = System.nanoTime();
    try (var embedder = new BgeSmallZhEmbedder();
         var index = new EvaluationIndex(http, indexName)) {
      index.create(set.achievements(), embedder);
      var endpoint = URI.create(url);
      try (var rest = Rest5Client.builder(new HttpHost(endpoint.getScheme(), endpoint.getHost(), endpoint.getPort())).build()) {
        var client = new ElasticsearchAsyncClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
        var blocking = Schedulers.newBoundedElastic(2, 1000, "eval-embed");
        // Each demand's vector is computed once and reused by every mode and every tuning candidate.
        var queryVectors = new java.util.concurrent.ConcurrentHashMap<String, float[]>();
        QueryEmbedder queries = new QueryEmbedder() {
          @Override
          public Mono<float[]> embedQuery(String text) {
            return Mono.fromCallable(() -> queryVectors.computeIfAbsent("q:" + text, t -> embedder.embedQuery(text)))
                .subscribeOn(blocking);
          }

          @Override
          public Mono<float[]> embedPassage(String text) {
            return Mono.fromCallable(() -> queryVectors.computeIfAbsent("p:" + text, t -> embedder.embedPassage(text)))
                .subscribeOn(blocking);
          }
        };
        var settings = SearchSettings.defaults(indexName);
        var search = new ListingSearch(client, settings, queries, HolderVerification.NONE, Clock.systemUTC());
        var modes = index.hasEmbeddingField() ? MODES : List.of("BM25");
        var report = new MatchingReport(set, modes).run(new MatcherRanker(new ListingMatcher(search, queries)),
            index::labelledId);

        var out = System.out;
        out.println();
        out.printf(Locale.ROOT, "== eval-matching: %d demands, %d achievements (%d graded pairs), index definition %s, model %s%n",
            set.demands().size(), set.achievements().size(),
            set.demands().stream().mapToInt(d -> d.judgements().size()).sum(), index.definitionVersion(), embedder.modelId());
        out.printf(Locale.ROOT, "   ranking by ListingMatcher.matchAchievementsForDemand; nDCG@10 gains 2^grade-1, P@5 relevant = grade >= 2; means over demands%n");
        if (!index.hasEmbeddingField()) {
          out.println("   WARNING: the index definition has no dense_vector field: VECTOR and HYBRID cannot work");
        }
        report.printTable(out);
        if (modes.size() < MODES.size()) {
          return;
        }
        var fusion = settings.matchFusion();
        out.printf(Locale.ROOT, "%nHYBRID fusion: rrf = %.2f / (%d + bm25Rank) + %.2f / (%d + vectorRank) (the library's matching"
            + " default, chosen on the tuning half only: eval-matching --tune)%n", fusion.bm25Weight(), fusion.k(),
            fusion.vectorWeight(), fusion.k());
        out.println("split: tune = odd-numbered demands (parameters may be chosen here), held-out = even-numbered (never used to choose)");
        report.printSplitTable(out);
        out.println();
        var bm25 = report.meanNdcg("BM25");
        var vector = report.meanNdcg("VECTOR");
        var hybrid = report.meanNdcg("HYBRID");
        var pBest = Math.max(report.meanPrecision("BM25"), report.meanPrecision("VECTOR"));
        out.printf(Locale.ROOT, "hybrid vs best single mode: nDCG@10 %+.3f, P@5 %+.3f -> hybrid beats both: %s%n",
            hybrid - Math.max(bm25, vector), report.meanPrecision("HYBRID") - pBest,
            hybrid > bm25 && hybrid > vector && report.meanPrecision("HYBRID") >= pBest ? "YES"
                : hybrid > bm25 && hybrid > vector ? "on nDCG@10 only" : "NO");
        out.println();
        report.printByCase(out);
        if (details) {
          report.printDetails(out);
        } else {
          out.println("(per-demand answers: infra/bin/eval-matching --details)");
        }
        if (tune) {
          FusionTuning.run(set, settings, (candidate) -> new MatcherRanker(new ListingMatcher(
              new ListingSearch(client, candidate, queries, HolderVerification.NONE, Clock.systemUTC()), queries)),
              index::labelledId, out);
        }
        blocking.dispose();
        out.printf(Locale.ROOT, "(embedding %d achievements took %.1f s; whole run %.1f s; throwaway index %s deleted)%n",
            set.achievements().size(), index.embeddingSeconds(), (System.nanoTime() - started) / 1e9, indexName);
      }
    }
  }

  private MatchingEvaluation() {}
}
