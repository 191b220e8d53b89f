package org.pingliang.techmarket.marketplace.servicematch;

import org.pingliang.techmarket.marketplace.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Offers are public reads (active ones of active commissioners; the rest 404 by the service); requests
 * are for ADMIN, commissioners and enterprises (the service narrows it: active commissioners, the
 * requesting enterprise's members). Standing, ownership and membership are checked by the services.
 */
@Component
class ServiceMatchRouteRules implements RouteRules {

  @Override
  public void authorize(AuthorizeExchangeSpec routes) {
    routes
        .pathMatchers(HttpMethod.GET, "/api/service-offers/*/matches").hasAnyRole("COMMISSIONER", "ADMIN")
        .pathMatchers(HttpMethod.GET, "/api/service-offers/*/history").authenticated()
        .pathMatchers(HttpMethod.GET, "/api/service-offers", "/api/service-offers/*").permitAll()
        .pathMatchers(HttpMethod.POST, "/api/service-offers").hasRole("COMMISSIONER")
        .pathMatchers(HttpMethod.PUT, "/api/service-offers/*").hasRole("COMMISSIONER")
        .pathMatchers(HttpMethod.POST, "/api/service-offers/*/withdrawal").hasAnyRole("COMMISSIONER", "ADMIN")
        .pathMatchers(HttpMethod.GET, "/api/service-requests", "/api/service-requests/*",
            "/api/service-requests/*/history", "/api/service-requests/*/matches")
        .hasAnyRole("ENTERPRISE", "COMMISSIONER", "ADMIN")
        .pathMatchers(HttpMethod.POST, "/api/service-requests").hasAnyRole("ENTERPRISE", "ADMIN")
        .pathMatchers(HttpMethod.PUT, "/api/service-requests/*").hasAnyRole("ENTERPRISE", "ADMIN")
        .pathMatchers(HttpMethod.POST, "/api/service-requests/*/closure").hasAnyRole("ENTERPRISE", "ADMIN");
  }
}
