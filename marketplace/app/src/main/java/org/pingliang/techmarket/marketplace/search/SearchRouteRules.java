package org.pingliang.techmarket.marketplace.search;

import org.pingliang.techmarket.marketplace.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Search and matches are public reads: search shows only visible listings, and matches follow the
 * visibility of the listing asked about (checked by the listing feature, 404 when hidden). The match
 * queue is for technology brokers only.
 */
@Component
class SearchRouteRules implements RouteRules {

  @Override
  public void authorize(AuthorizeExchangeSpec routes) {
    routes
        .pathMatchers(HttpMethod.GET, "/api/search", "/api/search/suggestions").permitAll()
        .pathMatchers(HttpMethod.GET, "/api/demands/*/matches", "/api/achievements/*/matches").permitAll()
        .pathMatchers(HttpMethod.GET, "/api/broker/match-queue", "/api/broker/match-queue/events").hasRole("BROKER")
        .pathMatchers(HttpMethod.POST, "/api/broker/match-queue/*/claim", "/api/broker/match-queue/*/dismissal")
        .hasRole("BROKER");
  }
}
