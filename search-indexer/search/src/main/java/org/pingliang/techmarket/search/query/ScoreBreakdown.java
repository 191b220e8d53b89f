package org.pingliang.techmarket.search.query;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Every part of a relevance score, so a person can check it:
 * {@code final = rrf × (1 + boosts.verifiedHolder + boosts.freshness)} and
 * {@code rrf = bm25Weight / (rrfK + bm25Rank) + vectorWeight / (rrfK + vectorRank)} over the rankings the
 * mode uses (ranks from 1; a list the document is not in adds nothing; a single-list mode has weight 1).
 *
 * @param bm25Rank rank in the BM25 list, null when not among its candidates (or not used)
 * @param bm25Score the raw BM25 score
 * @param vectorRank rank in the kNN list, null when not among its candidates (or not used)
 * @param vectorSimilarity cosine similarity to the query vector, when in the kNN list
 * @param rrfK the k of the fusion
 * @param bm25Weight weight of the BM25 list in this answer's fusion (0 when the mode does not use it)
 * @param vectorWeight weight of the kNN list in this answer's fusion (0 when the mode does not use it)
 */
public record ScoreBreakdown(
    Integer bm25Rank,
    Double bm25Score,
    Integer vectorRank,
    Double vectorSimilarity,
    double rrf,
    Integer rrfK,
    Double bm25Weight,
    Double vectorWeight,
    Boosts boosts,
    @JsonProperty("final") double finalScore) {

  /** Business boosts, as fractions added to 1 and multiplied with the fused score. */
  public record Boosts(double verifiedHolder, double freshness) {}
}
