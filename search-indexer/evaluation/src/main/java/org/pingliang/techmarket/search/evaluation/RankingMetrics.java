package org.pingliang.techmarket.search.evaluation;

import java.util.Collection;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Ranking-quality metrics over graded judgements.
 *
 * <ul>
 *   <li>nDCG@k with graded gains {@code 2^grade - 1} and discount {@code log2(rank + 1)} (Järvelin &
 *       Kekäläinen; the form used by TREC and most IR toolkits), normalised by the DCG of the ideal
 *       ordering of <em>all</em> graded achievements of the demand, not only those retrieved. A
 *       demand without any positive grade has no ideal ordering and scores 0.</li>
 *   <li>P@k: the share of the first k places holding an achievement of grade &ge; {@link #RELEVANT}
 *       (empty places count as misses, so a short answer is not rewarded).</li>
 * </ul>
 */
public final class RankingMetrics {

  /** The grade from which an achievement counts as relevant for precision. */
  public static final int RELEVANT = 2;

  private RankingMetrics() {}

  /** Gain of one grade: 0, 1, 3, 7 for grades 0..3. */
  static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  /** DCG of grades in rank order (index 0 is rank 1), cut at k. */
  static double dcg(List<Integer> gradesInRankOrder, int k) {
    var dcg = 0.0;
    for (var i = 0; i < Math.min(k, gradesInRankOrder.size()); i++) {
      dcg += gain(gradesInRankOrder.get(i)) / (Math.log(i + 2) / Math.log(2));
    }
    return dcg;
  }

  /**
   * nDCG@k of a ranking.
   *
   * @param ranking ids in the order the system returned them
   * @param grade the grade of an id (0 when ungraded)
   * @param allGrades every grade given for this query (the ideal ordering is built from them)
   */
  public static double ndcg(List<String> ranking, ToIntFunction<String> grade, Collection<Integer> allGrades, int k) {
    var ideal = allGrades.stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
    var idealDcg = dcg(ideal, k);
    if (idealDcg == 0) {
      return 0;
    }
    return dcg(ranking.stream().map(grade::applyAsInt).toList(), k) / idealDcg;
  }

  /** P@k with relevant = grade &ge; {@link #RELEVANT}. */
  public static double precision(List<String> ranking, ToIntFunction<String> grade, int k) {
    var hits = ranking.stream().limit(k).filter(id -> grade.applyAsInt(id) >= RELEVANT).count();
    return (double) hits / k;
  }

  /** Arithmetic mean (0 for no values). */
  public static double mean(Collection<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }
}
