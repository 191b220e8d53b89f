package org.pingliang.techmarket.marketplace.servicematch;

import java.time.Clock;
import org.pingliang.techmarket.marketplace.search.SearchProperties;
import org.pingliang.techmarket.search.query.QueryEmbedder;
import org.pingliang.techmarket.search.query.SearchCluster;
import org.pingliang.techmarket.search.query.SearchSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The search library's service matcher on the services alias ({@code <prefix>services}, written by
 * search-indexer), sharing the search feature's cluster connection, embedding model and settings
 * ({@code techmarket.search.*}). No business boosts: offers have no verified holder, and an old offer
 * is as good as a new one while it is active.
 */
@Configuration(proxyBeanMethods = false)
class ServiceMatchConfiguration {

  @Bean
  org.pingliang.techmarket.search.query.ServiceMatcher serviceMatcher(SearchCluster cluster, SearchProperties properties,
      ObjectProvider<QueryEmbedder> embedder, Clock clock) {
    var settings = new SearchSettings(properties.indexPrefix() + "services", SearchSettings.DEFAULT_RRF_K,
        properties.rankWindow(), properties.maxPageSize(), 0.0, 0.0, properties.freshnessHalfLife(),
        properties.searchMinSimilarity(), properties.matchMinSimilarity());
    return cluster.serviceMatcher(settings, embedder.getIfAvailable(), clock);
  }
}
