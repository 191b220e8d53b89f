package org.pingliang.techmarket.marketplace.observability;

import java.net.URI;
import org.pingliang.techmarket.marketplace.identity.SecurityProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The identity provider. Tokens already issued keep validating against cached keys while it is
 * away, but nobody can sign in: DEGRADED, not DOWN.
 */
@Component("keycloak")
class KeycloakHealthIndicator implements ReactiveHealthIndicator {

  private final HttpProbe probe;
  private final URI discovery;

  KeycloakHealthIndicator(WebClient.Builder web, DependencyProperties dependencies, SecurityProperties security) {
    this.probe = new HttpProbe(web.build(), dependencies.healthTimeout());
    this.discovery = URI.create(security.issuerUri() + "/.well-known/openid-configuration");
  }

  @Override
  public Mono<Health> health() {
    return probe.get(discovery)
        .map(document -> Health.up().withDetail("issuer", String.valueOf(document.get("issuer"))).build())
        .onErrorResume(error -> Mono.just(Health.status(HealthStatuses.DEGRADED)
            .withDetail("error", error.getClass().getSimpleName()).build()));
  }
}
