package org.pingliang.techmarket.searchindexer.listing;

import org.pingliang.techmarket.search.embedding.BgeSmallZhEmbedder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One model per process: it takes a second and ~100 MB to load and is thread-safe. */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

  @Bean(destroyMethod = "close")
  BgeSmallZhEmbedder textEmbedder() {
    return new BgeSmallZhEmbedder();
  }
}
