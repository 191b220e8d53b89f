package org.pingliang.techmarket.searchindexer.listing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingliang.techmarket.search.embedding.TextEmbedder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Adds the semantic vector to documents. The model is blocking and CPU-bound, so it runs on its own
 * small bounded scheduler ({@code techmarket.indexer.embedding.threads} threads, a bounded queue),
 * never on an event-loop thread; a whole batch goes to the model at once.
 *
 * <p>Most listing events change a status, not the text (submit, publish, withdraw...), so vectors
 * of recently seen texts are kept in a small LRU cache and identical texts within a batch are
 * embedded once.
 */
@Component
class ListingEmbeddings implements DisposableBean {

  private final TextEmbedder embedder;
  private final Scheduler scheduler;
  private final Map<String, float[]> recent;
  private final IndexerMetrics metrics;

  ListingEmbeddings(TextEmbedder embedder, IndexerProperties properties, IndexerMetrics metrics) {
    this.embedder = embedder;
    this.metrics = metrics;
    var embedding = properties.embedding();
    this.scheduler = Schedulers.newBoundedElastic(embedding.threads(), embedding.queuedTasks(), "embedding");
    var capacity = embedding.cacheSize();
    this.recent = new LinkedHashMap<>(Math.max(16, capacity), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > capacity;
      }
    };
  }

  String modelId() {
    return embedder.modelId();
  }

  /** The documents with their vectors, in the same order; computed off the caller's thread. */
  Mono<List<ListingDocument>> embed(List<ListingDocument> documents) {
    if (documents.isEmpty()) {
      return Mono.just(List.of());
    }
    return Mono.fromCallable(() -> embedBlocking(documents)).subscribeOn(scheduler);
  }

  /** The same, on the calling thread: only for callers that are already off the event loop. */
  List<ListingDocument> embedBlocking(List<ListingDocument> documents) {
    var texts = new ArrayList<String>(documents.size());
    for (var document : documents) {
      texts.add(document.embeddingText());
    }
    var vectors = new LinkedHashMap<String, float[]>();
    var missing = new ArrayList<String>();
    synchronized (recent) {
      for (var text : texts) {
        var known = recent.get(text);
        if (known != null) {
          vectors.put(text, known);
        } else if (!vectors.containsKey(text) && !missing.contains(text)) {
          missing.add(text);
        }
      }
    }
    if (!missing.isEmpty()) {
      var computed = embedder.embedPassages(missing);
      metrics.embedded(missing.size());
      synchronized (recent) {
        for (var i = 0; i < missing.size(); i++) {
          vectors.put(missing.get(i), computed.get(i));
          recent.put(missing.get(i), computed.get(i));
        }
      }
    }
    var result = new ArrayList<ListingDocument>(documents.size());
    for (var i = 0; i < documents.size(); i++) {
      result.add(documents.get(i).withEmbedding(vectors.get(texts.get(i)), embedder.modelId()));
    }
    return result;
  }

  @Override
  public void destroy() {
    scheduler.dispose();
  }
}
