package org.pingliang.techmarket.search.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weighted reciprocal rank fusion computed here, not in the cluster, followed by the business
 * boosts; every step is kept in a {@link ScoreBreakdown}. Pure: the same candidates always give the
 * same order. {@code rrf = wBm25 / (k + bm25Rank) + wVector / (k + vectorRank)}; equal scores are
 * ordered by the better of the two ranks, then by id.
 */
final class RankFusion {

  private final SearchSettings settings;

  RankFusion(SearchSettings settings) {
    this.settings = settings;
  }

  /** A document as one ranking saw it; rank starts at 1. */
  record Ranked(String id, int rank, double score, Map<String, Object> source, Map<String, List<String>> highlights) {}

  /** A fused result: the document, its breakdown, the highlights of whichever ranking had them. */
  record Fused(String id, Map<String, Object> source, Map<String, List<String>> highlights, ScoreBreakdown breakdown) {}

  /**
   * The fusion a mode uses: HYBRID matching the settings' tuned {@code matchFusion}, HYBRID search
   * plain RRF; a single-list mode counts its list with weight 1 (the k does not change its order).
   */
  SearchSettings.Fusion fusionFor(RankingMode mode, boolean matching) {
    var base = matching ? settings.matchFusion() : settings.searchFusion();
    return switch (mode) {
      case HYBRID -> base;
      case BM25 -> new SearchSettings.Fusion(base.k(), 1, 0);
      case VECTOR -> new SearchSettings.Fusion(base.k(), 0, 1);
    };
  }

  List<Fused> fuse(List<Ranked> bm25, List<Ranked> vector, SearchSettings.Fusion weights, Set<String> verifiedHolders,
      Instant now) {
    var byId = new LinkedHashMap<String, Parts>();
    for (var hit : bm25) {
      byId.computeIfAbsent(hit.id(), id -> new Parts(hit)).bm25 = hit;
    }
    for (var hit : vector) {
      var parts = byId.computeIfAbsent(hit.id(), id -> new Parts(hit));
      parts.vector = hit;
    }
    var k = weights.k();
    var bm25Weight = bm25.isEmpty() ? 0.0 : weights.bm25Weight();
    var vectorWeight = vector.isEmpty() ? 0.0 : weights.vectorWeight();
    var scored = new ArrayList<Scored>(byId.size());
    for (var entry : byId.entrySet()) {
      var parts = entry.getValue();
      var rrf = 0.0;
      if (parts.bm25 != null) {
        rrf += bm25Weight / (k + parts.bm25.rank());
      }
      if (parts.vector != null) {
        rrf += vectorWeight / (k + parts.vector.rank());
      }
      var boosts = boosts(parts.first.source(), verifiedHolders, now);
      var score = rrf * (1 + boosts.verifiedHolder() + boosts.freshness());
      var breakdown = new ScoreBreakdown(
          parts.bm25 == null ? null : parts.bm25.rank(),
          parts.bm25 == null ? null : round(parts.bm25.score()),
          parts.vector == null ? null : parts.vector.rank(),
          parts.vector == null ? null : round(cosine(parts.vector.score())),
          round(rrf), k, bm25Weight, vectorWeight, boosts, round(score));
      var bestRank = Math.min(parts.bm25 == null ? Integer.MAX_VALUE : parts.bm25.rank(),
          parts.vector == null ? Integer.MAX_VALUE : parts.vector.rank());
      scored.add(new Scored(new Fused(entry.getKey(), parts.first.source(), parts.highlights(), breakdown), score,
          bestRank));
    }
    // Sorted on the exact score (the breakdown shows it rounded to 6 places, which could invent ties).
    scored.sort(Comparator.comparingDouble(Scored::score).reversed()
        .thenComparingInt(Scored::bestRank)
        .thenComparing(s -> s.fused().id()));
    return scored.stream().map(Scored::fused).toList();
  }

  private record Scored(Fused fused, double score, int bestRank) {}

  ScoreBreakdown.Boosts boosts(Map<String, Object> source, Set<String> verifiedHolders, Instant now) {
    var organisation = source.get("organisationId");
    var verified = organisation != null && verifiedHolders.contains(organisation.toString())
        ? settings.verifiedBoost() : 0.0;
    return new ScoreBreakdown.Boosts(verified, round(freshness(source.get("publishedAt"), now)));
  }

  private double freshness(Object publishedAt, Instant now) {
    if (publishedAt == null || settings.freshnessBoost() == 0) {
      return 0;
    }
    Instant published;
    try {
      published = Instant.parse(publishedAt.toString());
    } catch (RuntimeException e) {
      return 0;
    }
    var age = Duration.between(published, now);
    if (age.isNegative()) {
      age = Duration.ZERO;
    }
    var halfLives = (double) age.toMillis() / settings.freshnessHalfLife().toMillis();
    return settings.freshnessBoost() * Math.pow(0.5, halfLives);
  }

  /** Elasticsearch scores cosine kNN hits as (1 + cos) / 2; the breakdown shows the cosine itself. */
  static double cosine(double knnScore) {
    return 2 * knnScore - 1;
  }

  static double round(double value) {
    return Math.round(value * 1_000_000d) / 1_000_000d;
  }

  private static final class Parts {
    Ranked first;
    Ranked bm25;
    Ranked vector;

    Parts(Ranked first) {
      this.first = first;
    }

    Map<String, List<String>> highlights() {
      if (bm25 != null && bm25.highlights() != null && !bm25.highlights().isEmpty()) {
        return bm25.highlights();
      }
      if (vector != null && vector.highlights() != null) {
        return vector.highlights();
      }
      return Map.of();
    }
  }
}
