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
  private static final SearchSettings.Fusion EQUAL = new SearchSettings.Fusion(60, 1, 1);

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
        EQUAL, Set.of(), NOW);

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
        hit("new", 2, 4, "verified", NOW)), List.of(), EQUAL, Set.of("verified"), NOW);

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
  void weights_scale_each_list_and_are_reported_so_the_score_can_be_recomputed() {
    var old = NOW.minus(Duration.ofDays(3650));
    var weighted = new RankFusion(SearchSettings.defaults("listings")
        .withMatchFusion(new SearchSettings.Fusion(20, 0.25, 1.0)));
    // "lexical" is first by BM25 only, "semantic" first by kNN only.
    var bm25 = List.of(hit("lexical", 1, 12.0, "o1", old), hit("semantic", 5, 3.0, "o1", old));
    var vector = List.of(hit("semantic", 1, 0.9, "o1", old), hit("lexical", 5, 0.7, "o1", old));

    var fused = weighted.fuse(bm25, vector, weighted.fusionFor(RankingMode.HYBRID, true), Set.of(), NOW);

    assertThat(fused).extracting(RankFusion.Fused::id).containsExactly("semantic", "lexical");
    var top = fused.getFirst().breakdown();
    assertThat(top.rrfK()).isEqualTo(20);
    assertThat(top.bm25Weight()).isEqualTo(0.25);
    assertThat(top.vectorWeight()).isEqualTo(1.0);
    var expected = 0.25 / (20 + 5) + 1.0 / (20 + 1);
    assertThat(top.rrf()).isCloseTo(expected, within(1e-6));
    assertThat(top.rrf()).isCloseTo(top.bm25Weight() / (top.rrfK() + top.bm25Rank())
        + top.vectorWeight() / (top.rrfK() + top.vectorRank()), within(1e-6));
    assertThat(fused.getLast().breakdown().rrf()).isCloseTo(0.25 / 21 + 1.0 / 25, within(1e-6));

    // Equal weights make the two symmetric: a tie, broken by the better single rank, then the id.
    var tie = weighted.fuse(bm25, vector, new SearchSettings.Fusion(20, 1, 1), Set.of(), NOW);
    assertThat(tie.get(0).breakdown().rrf()).isEqualTo(tie.get(1).breakdown().rrf());
    assertThat(tie).extracting(RankFusion.Fused::id).containsExactly("lexical", "semantic");
  }

  @Test
  void a_single_list_mode_counts_its_list_with_weight_one_whatever_the_hybrid_weights() {
    var weighted = new RankFusion(SearchSettings.defaults("listings")
        .withMatchFusion(new SearchSettings.Fusion(60, 0.3, 1.0)));
    var old = NOW.minus(Duration.ofDays(3650));
    var fused = weighted.fuse(List.of(hit("a", 1, 5, "o1", old)), List.of(), weighted.fusionFor(RankingMode.BM25, true),
        Set.of(), NOW);
    var breakdown = fused.getFirst().breakdown();
    assertThat(breakdown.rrf()).isCloseTo(1.0 / 61, within(1e-6));
    assertThat(breakdown.bm25Weight()).isEqualTo(1.0);
    assertThat(breakdown.vectorWeight()).isZero();
  }

  @Test
  void the_order_uses_the_exact_score_not_the_rounded_one() {
    var old = NOW.minus(Duration.ofDays(3650));
    // With k = 1,000,000 neighbouring ranks differ by about 1e-12, below the breakdown's 6 places.
    var flat = new RankFusion(SearchSettings.defaults("listings"));
    var fused = flat.fuse(List.of(hit("z", 1, 2, "o1", old), hit("a", 2, 1, "o1", old)), List.of(),
        new SearchSettings.Fusion(1_000_000, 1, 0), Set.of(), NOW);
    assertThat(fused.get(0).breakdown().finalScore()).isEqualTo(fused.get(1).breakdown().finalScore());
    assertThat(fused).extracting(RankFusion.Fused::id).containsExactly("z", "a");
  }

  @Test
  void weights_must_be_usable() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new SearchSettings.Fusion(60, 0, 0));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new SearchSettings.Fusion(60, -1, 1));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new SearchSettings.Fusion(0, 1, 1));
  }

  @Test
  void search_keeps_plain_rrf_and_matching_uses_the_tuned_fusion() {
    var settings = SearchSettings.defaults("listings");
    assertThat(fusion.fusionFor(RankingMode.HYBRID, false)).isEqualTo(new SearchSettings.Fusion(60, 1, 1));
    assertThat(fusion.fusionFor(RankingMode.HYBRID, true)).isEqualTo(SearchSettings.DEFAULT_MATCH_FUSION)
        .isEqualTo(settings.matchFusion());
    // The nine-argument constructor (the marketplace's configuration) gets the same matching fusion.
    var configured = new SearchSettings("x", 60, 100, 100, 0.1, 0.1, Duration.ofDays(90), 0.5, 0.0);
    assertThat(configured.matchFusion()).isEqualTo(SearchSettings.DEFAULT_MATCH_FUSION);
    assertThat(fusion.fusionFor(RankingMode.VECTOR, true).bm25Weight()).isZero();
  }

  @Test
  void ninety_days_halve_the_freshness_boost() {
    var boosts = fusion.boosts(Map.of("publishedAt", NOW.minus(Duration.ofDays(90)).toString()), Set.of(), NOW);
    assertThat(boosts.freshness()).isCloseTo(0.05, within(1e-6));
  }
}
