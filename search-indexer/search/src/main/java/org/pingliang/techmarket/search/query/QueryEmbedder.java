package org.pingliang.techmarket.search.query;

import org.pingliang.techmarket.search.embedding.TextEmbedder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Turns text into the vectors stored in the index's {@code embedding} field. Implementations
 * must not block the caller's thread (the model is blocking: run it on a bounded scheduler).
 */
public interface QueryEmbedder {

  /** A search query or a demand looking for solutions (bge adds its retrieval instruction). */
  Mono<float[]> embedQuery(String text);

  /** A listing's own text, as the index embeds it. */
  Mono<float[]> embedPassage(String text);

  /**
   * The blocking model run on {@code scheduler} (bounded: a full queue fails fast, and callers see
   * the failure as "unavailable" instead of piling up work).
   */
  static QueryEmbedder offloading(TextEmbedder model, Scheduler scheduler) {
    return new QueryEmbedder() {
      @Override
      public Mono<float[]> embedQuery(String text) {
        return Mono.fromCallable(() -> model.embedQuery(text)).subscribeOn(scheduler);
      }

      @Override
      public Mono<float[]> embedPassage(String text) {
        return Mono.fromCallable(() -> model.embedPassage(text)).subscribeOn(scheduler);
      }
    };
  }
}
