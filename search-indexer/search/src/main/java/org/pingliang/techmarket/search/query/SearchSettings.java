package org.pingliang.techmarket.search.query;

import java.time.Duration;

/**
 * Tuning of search and ranking.
 *
 * @param alias the listings alias ({@code <prefix>listings})
 * @param rrfK the k of reciprocal rank fusion (60)
 * @param rankWindow candidates taken from each ranking before fusion; relevance-ordered answers end there
 * @param maxPageSize the largest page a caller may ask for
 * @param verifiedBoost added to 1 for a verified holder
 * @param freshnessBoost added to 1 for a listing published just now, halving every {@code freshnessHalfLife}
 * @param searchMinSimilarity kNN candidates of a search below this cosine similarity are dropped
 * @param matchMinSimilarity same for matching (0: keep every nearest neighbour)
 */
public record SearchSettings(
    String alias,
    int rrfK,
    int rankWindow,
    int maxPageSize,
    double verifiedBoost,
    double freshnessBoost,
    Duration freshnessHalfLife,
    double searchMinSimilarity,
    double matchMinSimilarity) {

  public static SearchSettings defaults(String alias) {
    return new SearchSettings(alias, 60, 100, 100, 0.1, 0.1, Duration.ofDays(90), 0.5, 0.0);
  }

  public SearchSettings {
    if (rrfK < 1 || rankWindow < 1 || maxPageSize < 1) {
      throw new IllegalArgumentException("rrfK, rankWindow and maxPageSize must be positive");
    }
  }
}
