package org.pingliang.techmarket.marketplace.listing.collection;

import org.pingliang.techmarket.marketplace.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/** Who may call the package routes; being the curator is checked by {@link CuratingPackages}. */
@Component
class PackageRouteRules implements RouteRules {

  @Override
  public void authorize(AuthorizeExchangeSpec routes) {
    routes
        .pathMatchers(HttpMethod.GET, "/api/achievement-packages", "/api/achievement-packages/*").permitAll()
        .pathMatchers(HttpMethod.GET, "/api/achievement-packages/*/history").hasAnyRole("ADMIN", "BROKER")
        .pathMatchers(HttpMethod.POST, "/api/achievement-packages", "/api/achievement-packages/*/publication",
            "/api/achievement-packages/*/withdrawal").hasAnyRole("ADMIN", "BROKER")
        .pathMatchers(HttpMethod.PUT, "/api/achievement-packages/*").hasAnyRole("ADMIN", "BROKER");
  }
}
