package org.pingliang.techmarket.search.evaluation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.pingliang.techmarket.search.query.SearchSettings;

/**
 * Chooses the HYBRID fusion parameters (k and the BM25 weight, the kNN weight being 1) on the
 * TUNING half of the labelled set only ({@link MatchingReport#isTuning}); the held-out half is not
 * ranked here at all, so the numbers reported for it are not fitted. Highest mean nDCG@10 wins, then
 * P@5, then the candidate nearest plain RRF (k 60, equal weights).
 */
final class FusionTuning {

  static final List<Integer> KS = List.of(10, 20, 40, 60);
  static final List<Double> BM25_WEIGHTS = List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);

  record Candidate(int k, double bm25Weight, double ndcg, double precision) {
    double distanceFromPlainRrf() {
      return Math.abs(1.0 - bm25Weight) + Math.abs(60 - k) / 60.0;
    }
  }

  static Candidate run(EvaluationSet set, SearchSettings base, Function<SearchSettings, Ranker> rankers,
      Function<String, String> labelledId, PrintStream out) {
    var tuning = set.demands().stream().filter(MatchingReport::isTuning).toList();
    var candidates = new ArrayList<Candidate>();
    for (var k : KS) {
      for (var weight : BM25_WEIGHTS) {
        var ranker = rankers.apply(base.withMatchFusion(new SearchSettings.Fusion(k, weight, 1.0)));
        var ndcg = new ArrayList<Double>();
        var precision = new ArrayList<Double>();
        for (var demand : tuning) {
          var ranking = ranker.rank(demand, "HYBRID", MatchingReport.NDCG_AT).stream().map(labelledId).toList();
          var outcome = MatchingReport.outcome(demand, "HYBRID", ranking);
          ndcg.add(outcome.ndcg());
          precision.add(outcome.precision());
        }
        candidates.add(new Candidate(k, weight, RankingMetrics.mean(ndcg), RankingMetrics.mean(precision)));
      }
    }
    var best = choose(candidates);
    out.printf(Locale.ROOT, "%n== fusion tuning on the TUNING half only (%d odd-numbered demands), HYBRID nDCG@10 / P@5; kNN weight 1%n",
        tuning.size());
    out.printf(Locale.ROOT, "%-10s", "bm25 w \\ k");
    KS.forEach(k -> out.printf(Locale.ROOT, "  %15s", "k=" + k));
    out.println();
    for (var weight : BM25_WEIGHTS) {
      out.printf(Locale.ROOT, "%-10.1f", weight);
      for (var k : KS) {
        var c = candidates.stream().filter(x -> x.k() == k && x.bm25Weight() == weight).findFirst().orElseThrow();
        out.printf(Locale.ROOT, "  %6.3f / %5.3f%s", c.ndcg(), c.precision(), c == best ? "*" : " ");
      }
      out.println();
    }
    out.printf(Locale.ROOT, "chosen on the tuning half: k=%d, bm25 weight %.1f, kNN weight 1.0 (nDCG@10 %.3f, P@5 %.3f); "
            + "library default now: k=%d, bm25 weight %.2f, kNN weight %.2f%n",
        best.k(), best.bm25Weight(), best.ndcg(), best.precision(), base.matchFusion().k(), base.matchFusion().bm25Weight(), base.matchFusion().vectorWeight());
    return best;
  }

  static Candidate choose(List<Candidate> candidates) {
    return candidates.stream().max(Comparator.comparingDouble(Candidate::ndcg)
        .thenComparingDouble(Candidate::precision)
        .thenComparing(Comparator.comparingDouble(Candidate::distanceFromPlainRrf).reversed())).orElseThrow();
  }

  private FusionTuning() {}
}
