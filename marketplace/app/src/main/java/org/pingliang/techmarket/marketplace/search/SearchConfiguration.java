package org.pingliang.techmarket.marketplace.search;

import java.time.Clock;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.pingliang.techmarket.search.query.ListingMatcher;
import org.pingliang.techmarket.search.query.ListingSearch;
import org.pingliang.techmarket.search.query.QueryEmbedder;
import org.pingliang.techmarket.search.query.SearchCluster;
import org.pingliang.techmarket.search.query.SearchSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The search library wired to the cluster, the organisation feature and (when present) the embedding model. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

  @Bean(destroyMethod = "close")
  SearchCluster searchCluster(SearchProperties properties) {
    return SearchCluster.connect(properties.elasticsearchUrl(), properties.requestTimeout(), properties.connectTimeout(),
        properties.maxConnections());
  }

  @Bean
  ListingSearch listingSearch(SearchCluster cluster, SearchProperties properties, ObjectProvider<QueryEmbedder> embedder,
      Organisations organisations, Clock clock) {
    var settings = new SearchSettings(properties.indexPrefix() + "listings", SearchSettings.DEFAULT_RRF_K, properties.rankWindow(),
        properties.maxPageSize(), properties.verifiedBoost(), properties.freshnessBoost(),
        properties.freshnessHalfLife(), properties.searchMinSimilarity(), properties.matchMinSimilarity());
    return cluster.listingSearch(settings, embedder.getIfAvailable(), new VerifiedHolders(organisations, clock), clock);
  }

  @Bean
  ListingMatcher listingMatcher(ListingSearch search, ObjectProvider<QueryEmbedder> embedder) {
    return new ListingMatcher(search, embedder.getIfAvailable());
  }
}
