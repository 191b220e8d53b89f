package org.pingliang.techmarket.search.query;

import java.time.Duration;

/**
 * Tuning of search and ranking.
 *
 * @param alias the listings alias ({@code <prefix>listings})
 * @param rrfK the k of reciprocal rank fusion in search (60; both lists weigh 1 there)
 * @param rankWindow candidates taken from each ranking before fusion; relevance-ordered answers end there
 * @param maxPageSize the largest page a caller may ask for
 * @param verifiedBoost added to 1 for a verified holder
 * @param freshnessBoost added to 1 for a listing published just now, halving every {@code freshnessHalfLife}
 * @param searchMinSimilarity kNN candidates of a search below this cosine similarity are dropped
 * @param matchMinSimilarity same for matching (0: keep every nearest neighbour)
 * @param matchFusion the weighted fusion of HYBRID matching (demand ↔ achievement)
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
    double matchMinSimilarity,
    Fusion matchFusion) {

  /**
   * Weighted reciprocal rank fusion: {@code rrf = bm25Weight / (k + bm25Rank) + vectorWeight / (k + vectorRank)};
   * a list a document is not in adds nothing.
   */
  public record Fusion(int k, double bm25Weight, double vectorWeight) {
    public Fusion {
      if (k < 1) {
        throw new IllegalArgumentException("k must be positive");
      }
      if (!(bm25Weight >= 0) || !(vectorWeight >= 0) || bm25Weight + vectorWeight == 0) {
        throw new IllegalArgumentException("fusion weights must be non-negative and not both zero");
      }
    }
  }

  /** Plain reciprocal rank fusion of search (no labelled search queries to tune it on). */
  public static final int DEFAULT_RRF_K = 60;

  /**
   * HYBRID matching fusion, chosen on the TUNING half (odd-numbered demands) of the labelled set of
   * search-indexer/evaluation only ({@code infra/bin/eval-matching --tune}: best mean nDCG@10 there);
   * the held-out half was not looked at to choose it. The kNN list is the stronger signal on that
   * half, so BM25 counts 0.3; the smaller k lets the first ranks of each list weigh more.
   */
  public static final Fusion DEFAULT_MATCH_FUSION = new Fusion(20, 0.3, 1.0);

  public static SearchSettings defaults(String alias) {
    return new SearchSettings(alias, DEFAULT_RRF_K, 100, 100, 0.1, 0.1, Duration.ofDays(90), 0.5, 0.0);
  }

  /** The settings with the default matching fusion. */
  public SearchSettings(String alias, int rrfK, int rankWindow, int maxPageSize, double verifiedBoost,
      double freshnessBoost, Duration freshnessHalfLife, double searchMinSimilarity, double matchMinSimilarity) {
    this(alias, rrfK, rankWindow, maxPageSize, verifiedBoost, freshnessBoost, freshnessHalfLife, searchMinSimilarity,
        matchMinSimilarity, DEFAULT_MATCH_FUSION);
  }

  public SearchSettings {
    if (rrfK < 1 || rankWindow < 1 || maxPageSize < 1) {
      throw new IllegalArgumentException("rrfK, rankWindow and maxPageSize must be positive");
    }
    if (matchFusion == null) {
      throw new IllegalArgumentException("matchFusion is required");
    }
  }

  /** The fusion of HYBRID search: plain RRF with {@link #rrfK}. */
  public Fusion searchFusion() {
    return new Fusion(rrfK, 1, 1);
  }

  /** The same settings with another HYBRID matching fusion. */
  public SearchSettings withMatchFusion(Fusion fusion) {
    return new SearchSettings(alias, rrfK, rankWindow, maxPageSize, verifiedBoost, freshnessBoost, freshnessHalfLife,
        searchMinSimilarity, matchMinSimilarity, fusion);
  }
}
