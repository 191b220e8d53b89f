package org.pingliang.techmarket.marketplace.search;

import java.util.List;
import org.pingliang.techmarket.search.embedding.BgeSmallZhEmbedder;
import org.pingliang.techmarket.search.embedding.TextEmbedder;
import org.pingliang.techmarket.search.query.QueryEmbedder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The in-process embedding model for query vectors (VECTOR and HYBRID ranking). It is blocking and
 * CPU-bound, so it runs on its own bounded scheduler, never on an event-loop thread; a full queue
 * answers 503 instead of growing without limit. The model is loaded on first use, on that
 * scheduler, so it costs neither start-up time nor memory until somebody searches by meaning. Off
 * ({@code techmarket.search.embeddings-enabled=false}) search and matching use BM25 only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "techmarket.search.embeddings-enabled", havingValue = "true", matchIfMissing = true)
class EmbeddingConfiguration {

  @Bean(destroyMethod = "close")
  LazyEmbedder embeddingModel() {
    return new LazyEmbedder();
  }

  @Bean(destroyMethod = "dispose")
  Scheduler embeddingScheduler(SearchProperties properties) {
    return Schedulers.newBoundedElastic(properties.embeddingThreads(), properties.embeddingQueue(), "embedding");
  }

  @Bean
  QueryEmbedder queryEmbedder(LazyEmbedder model, Scheduler embeddingScheduler) {
    return QueryEmbedder.offloading(model, embeddingScheduler);
  }

  /** bge-small-zh, created by the first call (single texts, on the calling scheduler thread). */
  static final class LazyEmbedder implements TextEmbedder, AutoCloseable {

    private volatile BgeSmallZhEmbedder model;

    private BgeSmallZhEmbedder model() {
      var loaded = model;
      if (loaded == null) {
        synchronized (this) {
          loaded = model;
          if (loaded == null) {
            loaded = new BgeSmallZhEmbedder();
            model = loaded;
          }
        }
      }
      return loaded;
    }

    @Override
    public String modelId() {
      return BgeSmallZhEmbedder.MODEL_ID;
    }

    @Override
    public int dimensions() {
      return BgeSmallZhEmbedder.DIMENSIONS;
    }

    @Override
    public float[] embedPassage(String text) {
      return model().embedPassage(text);
    }

    @Override
    public float[] embedQuery(String text) {
      return model().embedQuery(text);
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
      return model().embedPassages(texts);
    }

    @Override
    public synchronized void close() {
      if (model != null) {
        model.close();
        model = null;
      }
    }
  }
}
