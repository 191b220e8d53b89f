package org.pingliang.techmarket.search.evaluation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Runs every demand through a ranker in each mode and prints the metrics. */
final class MatchingReport {

  static final int NDCG_AT = 10;
  static final int PRECISION_AT = 5;

  /** One demand in one mode. */
  record Outcome(EvaluationSet.Demand demand, String mode, List<String> ranking, double ndcg, double precision) {}

  private final EvaluationSet set;
  private final List<String> modes;
  private final Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();

  MatchingReport(EvaluationSet set, List<String> modes) {
    this.set = set;
    this.modes = modes;
  }

  /** @param labelledId maps a returned document id back to the labelled achievement id */
  MatchingReport run(Ranker ranker, Function<String, String> labelledId) {
    for (var mode : modes) {
      var list = new ArrayList<Outcome>();
      for (var demand : set.demands()) {
        var ranking = ranker.rank(demand, mode, NDCG_AT).stream().map(labelledId).toList();
        list.add(outcome(demand, mode, ranking));
      }
      outcomes.put(mode, list);
    }
    return this;
  }

  /**
   * The fixed split of the labelled set: odd-numbered demands (d01, d03, …) are the TUNING half,
   * on which ranking parameters may be chosen; even-numbered ones are HELD OUT and never used to choose.
   */
  static boolean isTuning(EvaluationSet.Demand demand) {
    var digits = demand.id().replaceAll("\\D", "");
    return !digits.isEmpty() && Integer.parseInt(digits) % 2 == 1;
  }

  /** One demand's metrics, as {@link #run} computes them. */
  static Outcome outcome(EvaluationSet.Demand demand, String mode, List<String> ranking) {
    return new Outcome(demand, mode, ranking,
        RankingMetrics.ndcg(ranking, demand::grade, demand.judgements().values(), NDCG_AT),
        RankingMetrics.precision(ranking, demand::grade, PRECISION_AT));
  }

  double meanNdcg(String mode, java.util.function.Predicate<EvaluationSet.Demand> which) {
    return RankingMetrics.mean(outcomes.get(mode).stream().filter(o -> which.test(o.demand())).map(Outcome::ndcg).toList());
  }

  double meanPrecision(String mode, java.util.function.Predicate<EvaluationSet.Demand> which) {
    return RankingMetrics.mean(outcomes.get(mode).stream().filter(o -> which.test(o.demand())).map(Outcome::precision)
        .toList());
  }

  /** Every mode on the tuning half, the held-out half and the whole set. */
  void printSplitTable(PrintStream out) {
    java.util.function.Predicate<EvaluationSet.Demand> tuning = MatchingReport::isTuning;
    var tuningCount = set.demands().stream().filter(tuning).count();
    out.printf(Locale.ROOT, "%-8s  %-18s  %-18s  %-18s%n", "mode", "tune (n=" + tuningCount + ")",
        "held-out (n=" + (set.demands().size() - tuningCount) + ")", "all (n=" + set.demands().size() + ")");
    out.printf(Locale.ROOT, "%-8s  %-18s  %-18s  %-18s%n", "", "nDCG@10    P@5", "nDCG@10    P@5", "nDCG@10    P@5");
    for (var mode : modes) {
      out.printf(Locale.ROOT, "%-8s  %7.3f  %7.3f    %7.3f  %7.3f    %7.3f  %7.3f%n", mode,
          meanNdcg(mode, tuning), meanPrecision(mode, tuning), meanNdcg(mode, tuning.negate()),
          meanPrecision(mode, tuning.negate()), meanNdcg(mode), meanPrecision(mode));
    }
  }

  double meanNdcg(String mode) {
    return RankingMetrics.mean(outcomes.get(mode).stream().map(Outcome::ndcg).toList());
  }

  double meanPrecision(String mode) {
    return RankingMetrics.mean(outcomes.get(mode).stream().map(Outcome::precision).toList());
  }

  List<Outcome> outcomes(String mode) {
    return outcomes.get(mode);
  }

  void printTable(PrintStream out) {
    out.printf(Locale.ROOT, "%-8s %9s %7s%n", "mode", "nDCG@" + NDCG_AT, "P@" + PRECISION_AT);
    for (var mode : modes) {
      out.printf(Locale.ROOT, "%-8s %9.3f %7.3f%n", mode, meanNdcg(mode), meanPrecision(mode));
    }
    out.printf(Locale.ROOT, "%-8s %9.3f %7.3f   (a perfect ranking: most demands have fewer than 5 relevant achievements)%n",
        "ideal", 1.0, idealPrecision());
  }

  /** The best P@5 any ranking can reach on this set. */
  double idealPrecision() {
    return RankingMetrics.mean(set.demands().stream()
        .map(d -> Math.min(PRECISION_AT, d.judgements().values().stream().filter(g -> g >= RankingMetrics.RELEVANT).count())
            / (double) PRECISION_AT)
        .toList());
  }

  /** The same means for each kind of case (plain, synonym, distractor, exact-term). */
  void printByCase(PrintStream out) {
    var kinds = set.demands().stream().map(EvaluationSet.Demand::caseKind).distinct().sorted().toList();
    out.printf(Locale.ROOT, "%-12s %3s", "case", "n");
    for (var mode : modes) {
      out.printf(Locale.ROOT, "  %-15s", mode + " nDCG / P@5");
    }
    out.println();
    for (var kind : kinds) {
      var count = set.demands().stream().filter(d -> d.caseKind().equals(kind)).count();
      out.printf(Locale.ROOT, "%-12s %3d", kind, count);
      for (var mode : modes) {
        var of = outcomes.get(mode).stream().filter(o -> o.demand().caseKind().equals(kind)).toList();
        out.printf(Locale.ROOT, "  %6.3f / %5.3f  ", RankingMetrics.mean(of.stream().map(Outcome::ndcg).toList()),
            RankingMetrics.mean(of.stream().map(Outcome::precision).toList()));
      }
      out.println();
    }
  }

  /** Per demand: each mode's nDCG@10 and P@5 and its first five answers with their grades. */
  void printDetails(PrintStream out) {
    for (var i = 0; i < set.demands().size(); i++) {
      var demand = set.demands().get(i);
      out.printf(Locale.ROOT, "%n%s [%s] %s%n", demand.id(), demand.caseKind(), demand.title());
      var relevant = demand.judgements().entrySet().stream().filter(e -> e.getValue() >= RankingMetrics.RELEVANT)
          .map(e -> e.getKey() + "=" + e.getValue()).toList();
      out.printf(Locale.ROOT, "  relevant: %s%n", String.join(" ", relevant));
      for (var mode : modes) {
        var outcome = outcomes.get(mode).get(i);
        var top = outcome.ranking().stream().limit(PRECISION_AT).map(id -> id + "=" + demand.grade(id)).toList();
        out.printf(Locale.ROOT, "  %-7s nDCG %.3f  P@5 %.2f  top5: %s%n", mode, outcome.ndcg(), outcome.precision(),
            String.join(" ", top));
      }
    }
  }
}
