package org.pingliang.techmarket.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankFusionTest {

  private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
  private final RankFusion fusion = new RankFusion(SearchSettings.defaults("listings"));

  private static RankFusion.Ranked hit(String id, int rank, double score, String organisation, Instant published) {
    return new RankFusion.Ranked(id, rank, score, Map.of("id", id, "organisationId", organisation,
        "publishedAt", published.toString()), Map.of());
  }

  @Test
  void reciprocal_ranks_add_up_over_both_lists_with_k_60() {
    var old = NOW.minus(Duration.ofDays(3650));
    var fused = fusion.fuse(
        List.of(hit("a", 1, 12.0, "o1", old), hit("b", 2, 8.0, "o1", old)),
        List.of(hit("b", 1, 0.9, "o1", old), hit("c", 2, 0.8, "o1", old)),
        Set.of(), NOW);

    assertThat(fused).extracting(RankFusion.Fused::id).containsExactly("b", "a", "c");
    var b = fused.getFirst().breakdown();
    assertThat(b.bm25Rank()).isEqualTo(2);
    assertThat(b.vectorRank()).isEqualTo(1);
    assertThat(b.rrf()).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-6));
    // (1 + cos) / 2 = 0.9 → cos = 0.8
    assertThat(b.vectorSimilarity()).isCloseTo(0.8, within(1e-6));
    var c = fused.getLast().breakdown();
    assertThat(c.bm25Rank()).isNull();
    assertThat(c.rrf()).isCloseTo(1.0 / 62, within(1e-6));
  }

  @Test
  void boosts_multiply_the_fused_score_and_are_reported() {
    var fresh = fusion.fuse(List.of(hit("old", 1, 5, "plain", NOW.minus(Duration.ofDays(900))),
        hit("new", 2, 4, "verified", NOW)), List.of(), Set.of("verified"), NOW);

    // Rank 2 overtakes rank 1: 1/62 × 1.2 > 1/61 × (1 + 0.1 × 0.5^10).
    assertThat(fresh).extracting(RankFusion.Fused::id).containsExactly("new", "old");
    var boosted = fresh.getFirst().breakdown();
    assertThat(boosted.boosts().verifiedHolder()).isEqualTo(0.1);
    assertThat(boosted.boosts().freshness()).isCloseTo(0.1, within(1e-6));
    assertThat(boosted.finalScore()).isCloseTo(1.0 / 62 * 1.2, within(1e-6));
    var aged = fresh.getLast().breakdown();
    assertThat(aged.boosts().verifiedHolder()).isZero();
    assertThat(aged.boosts().freshness()).isCloseTo(0.1 * Math.pow(0.5, 10), within(1e-6));
  }

  @Test
  void ninety_days_halve_the_freshness_boost() {
    var boosts = fusion.boosts(Map.of("publishedAt", NOW.minus(Duration.ofDays(90)).toString()), Set.of(), NOW);
    assertThat(boosts.freshness()).isCloseTo(0.05, within(1e-6));
  }
}
