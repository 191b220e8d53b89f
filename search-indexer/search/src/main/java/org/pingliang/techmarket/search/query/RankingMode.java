package org.pingliang.techmarket.search.query;

/** How relevance is decided: words only, meaning only, or both fused by reciprocal rank. */
public enum RankingMode {
  /** BM25 over the Chinese-analysed text fields. */
  BM25,
  /** kNN over the listing embeddings (needs a {@link QueryEmbedder}). */
  VECTOR,
  /** BM25 and kNN ranks fused in the app by reciprocal rank fusion. */
  HYBRID
}
