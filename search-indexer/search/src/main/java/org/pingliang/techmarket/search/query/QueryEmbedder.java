package org.pingliang.techmarket.search.query;

import reactor.core.publisher.Mono;

/**
 * Turns text into the vectors stored in the index's {@code embedding} field. Implementations
 * must not block the caller's thread (the model is blocking: run it on a bounded scheduler).
 */
public interface QueryEmbedder {

  /** A search query or a demand looking for solutions (bge adds its retrieval instruction). */
  Mono<float[]> embedQuery(String text);

  /** A listing's own text, as the index embeds it. */
  Mono<float[]> embedPassage(String text);
}
