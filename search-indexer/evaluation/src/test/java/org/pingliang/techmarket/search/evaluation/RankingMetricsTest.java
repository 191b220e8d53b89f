package org.pingliang.techmarket.search.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics against values worked out by hand. */
class RankingMetricsTest {

  private static final Map<String, Integer> GRADES = Map.of("a", 3, "c", 2, "d", 1);

  private static int grade(String id) {
    return GRADES.getOrDefault(id, 0);
  }

  @Test
  void gainsAreExponentialInTheGrade() {
    assertThat(RankingMetrics.gain(0)).isZero();
    assertThat(RankingMetrics.gain(1)).isEqualTo(1);
    assertThat(RankingMetrics.gain(2)).isEqualTo(3);
    assertThat(RankingMetrics.gain(3)).isEqualTo(7);
  }

  @Test
  void ndcgOfAMixedRankingByHand() {
    // ranking a(3) b(0) c(2):  DCG = 7/log2(2) + 0/log2(3) + 3/log2(4) = 7 + 0 + 1.5 = 8.5
    // ideal a(3) c(2) d(1):   IDCG = 7/1 + 3/log2(3) + 1/log2(4) = 7 + 1.892789 + 0.5 = 9.392789
    // nDCG = 8.5 / 9.392789 = 0.904950
    var ndcg = RankingMetrics.ndcg(List.of("a", "b", "c"), RankingMetricsTest::grade, GRADES.values(), 10);
    assertThat(ndcg).isCloseTo(0.904950, within(1e-6));
  }

  @Test
  void swappingTheTwoBestCostsWhatTheDiscountSays() {
    // c(2) a(3) against the ideal a(3) c(2), only these two graded:
    // DCG = 3 + 7/log2(3) = 7.416508;  IDCG = 7 + 3/log2(3) = 8.892789;  nDCG = 0.833991
    var grades = Map.of("a", 3, "c", 2);
    var ndcg = RankingMetrics.ndcg(List.of("c", "a"), id -> grades.getOrDefault(id, 0), grades.values(), 10);
    assertThat(ndcg).isCloseTo(0.833991, within(1e-6));
  }

  @Test
  void theIdealOrderingScoresOneAndMissingRelevantItemsAreCharged() {
    assertThat(RankingMetrics.ndcg(List.of("a", "c", "d"), RankingMetricsTest::grade, GRADES.values(), 10))
        .isCloseTo(1.0, within(1e-12));
    // only a(3) found: DCG 7, IDCG 9.392789
    assertThat(RankingMetrics.ndcg(List.of("a"), RankingMetricsTest::grade, GRADES.values(), 10))
        .isCloseTo(7 / 9.392789, within(1e-6));
  }

  @Test
  void placesBeyondTheCutOffDoNotCount() {
    var ranking = List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "a");
    assertThat(RankingMetrics.ndcg(ranking, RankingMetricsTest::grade, GRADES.values(), 10)).isZero();
    // at k = 2 the ideal is a, c: IDCG = 7 + 3/log2(3); ranking d, a: DCG = 1 + 7/log2(3)
    var atTwo = RankingMetrics.ndcg(List.of("d", "a"), RankingMetricsTest::grade, GRADES.values(), 2);
    assertThat(atTwo).isCloseTo((1 + 7 / (Math.log(3) / Math.log(2))) / (7 + 3 / (Math.log(3) / Math.log(2))), within(1e-12));
    assertThat(atTwo).isCloseTo(0.609090, within(1e-6));
  }

  @Test
  void aQueryWithoutPositiveGradesScoresZero() {
    assertThat(RankingMetrics.ndcg(List.of("a"), id -> 0, List.of(0, 0), 10)).isZero();
  }

  @Test
  void precisionCountsGradeTwoAndAboveInTheFirstFivePlaces() {
    var grades = Map.of("a", 3, "b", 1, "c", 2, "e", 2, "f", 3);
    // a c e relevant in the first five; b is only partly relevant; f is sixth
    assertThat(RankingMetrics.precision(List.of("a", "b", "c", "d", "e", "f"), id -> grades.getOrDefault(id, 0), 5))
        .isEqualTo(0.6);
    // a short answer is not rewarded: empty places are misses
    assertThat(RankingMetrics.precision(List.of("a"), id -> grades.getOrDefault(id, 0), 5)).isEqualTo(0.2);
    assertThat(RankingMetrics.precision(List.of(), id -> 0, 5)).isZero();
  }

  @Test
  void meanOfNothingIsZero() {
    assertThat(RankingMetrics.mean(List.of())).isZero();
    assertThat(RankingMetrics.mean(List.of(0.5, 1.0))).isEqualTo(0.75);
  }
}
