package org.pingliang.techmarket.marketplace.search;

import org.pingliang.techmarket.search.embedding.BgeSmallZhEmbedder;
import org.pingliang.techmarket.search.query.QueryEmbedder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The in-process embedding model for query vectors (VECTOR and HYBRID ranking). It is blocking and
 * CPU-bound, so it runs on its own bounded scheduler, never on an event-loop thread; a full queue
 * answers 503 instead of growing without limit. Off ({@code techmarket.search.embeddings-enabled=false})
 * search and matching use BM25 only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "techmarket.search.embeddings-enabled", havingValue = "true", matchIfMissing = true)
class EmbeddingConfiguration {

  @Bean(destroyMethod = "close")
  BgeSmallZhEmbedder embeddingModel() {
    // Single texts, each on the calling scheduler thread; the scheduler bounds the parallelism.
    return new BgeSmallZhEmbedder();
  }

  @Bean(destroyMethod = "dispose")
  Scheduler embeddingScheduler(SearchProperties properties) {
    return Schedulers.newBoundedElastic(properties.embeddingThreads(), properties.embeddingQueue(), "embedding");
  }

  @Bean
  QueryEmbedder queryEmbedder(BgeSmallZhEmbedder model, Scheduler embeddingScheduler) {
    return QueryEmbedder.offloading(model, embeddingScheduler);
  }
}
