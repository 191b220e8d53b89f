package org.pingliang.techmarket.marketplace.observability;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The search cluster. Search is the only thing that needs it (listings keep working without it),
 * so an outage shows as DEGRADED, which keeps the instance in service.
 */
@Component("elasticsearch")
class ElasticsearchHealthIndicator implements ReactiveHealthIndicator {

  private final HttpProbe probe;
  private final DependencyProperties properties;

  ElasticsearchHealthIndicator(WebClient.Builder web, DependencyProperties properties) {
    this.probe = new HttpProbe(web.build(), properties.healthTimeout());
    this.properties = properties;
  }

  @Override
  public Mono<Health> health() {
    var uri = UriComponentsBuilder.fromUri(properties.elasticsearchUrl()).path("/_cluster/health").build().toUri();
    return probe.get(uri)
        .map(cluster -> {
          var status = String.valueOf(cluster.get("status"));
          var builder = "red".equals(status) ? Health.status(HealthStatuses.DEGRADED) : Health.up();
          return builder.withDetail("cluster", String.valueOf(cluster.get("cluster_name")))
              .withDetail("status", status)
              .withDetail("nodes", String.valueOf(cluster.get("number_of_nodes")))
              .build();
        })
        .onErrorResume(error -> Mono.just(Health.status(HealthStatuses.DEGRADED)
            .withDetail("error", error.getClass().getSimpleName()).build()));
  }
}
