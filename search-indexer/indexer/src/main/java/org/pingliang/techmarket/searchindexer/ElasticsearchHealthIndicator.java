package org.pingliang.techmarket.searchindexer;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The cluster as this service sees it: without it the indexer cannot do its job, so DOWN. */
@Component("elasticsearch")
class ElasticsearchHealthIndicator implements ReactiveHealthIndicator {

  private final ElasticsearchAsyncClient client;
  private final ElasticsearchProperties properties;

  ElasticsearchHealthIndicator(ElasticsearchAsyncClient client, ElasticsearchProperties properties) {
    this.client = client;
    this.properties = properties;
  }

  @Override
  public Mono<Health> health() {
    return Mono.fromFuture(() -> client.cluster().health())
        .timeout(properties.requestTimeout())
        .map(cluster -> (cluster.status() == HealthStatus.Red ? Health.down() : Health.up())
            .withDetail("cluster", cluster.clusterName())
            .withDetail("status", cluster.status().jsonValue())
            .withDetail("nodes", cluster.numberOfNodes())
            .build())
        .onErrorResume(error -> Mono.just(Health.down().withDetail("error", error.getClass().getSimpleName()).build()));
  }
}
