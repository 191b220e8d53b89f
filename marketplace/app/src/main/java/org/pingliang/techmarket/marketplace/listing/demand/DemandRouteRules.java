package org.pingliang.techmarket.marketplace.listing.demand;

import org.pingliang.techmarket.marketplace.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/** Who may call the demand routes; membership is checked by {@link ManagingDemands}. */
@Component
class DemandRouteRules implements RouteRules {

  @Override
  public void authorize(AuthorizeExchangeSpec routes) {
    routes
        .pathMatchers(HttpMethod.GET, "/api/demands", "/api/demands/*").permitAll()
        .pathMatchers(HttpMethod.GET, "/api/demands/*/history").authenticated()
        .pathMatchers(HttpMethod.POST, "/api/demands").hasRole("ENTERPRISE")
        .pathMatchers(HttpMethod.PUT, "/api/demands/*").hasRole("ENTERPRISE")
        .pathMatchers(HttpMethod.POST, "/api/demands/*/negotiation", "/api/demands/*/reopening",
            "/api/demands/*/solution").hasRole("ENTERPRISE")
        .pathMatchers(HttpMethod.POST, "/api/demands/*/closure").hasAnyRole("ENTERPRISE", "ADMIN");
  }
}
