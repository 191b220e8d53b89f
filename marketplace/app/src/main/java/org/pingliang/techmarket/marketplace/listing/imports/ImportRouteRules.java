package org.pingliang.techmarket.marketplace.listing.imports;

import org.pingliang.techmarket.marketplace.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/** Who may call the import routes; membership is checked by {@link RunningImports}. */
@Component
class ImportRouteRules implements RouteRules {

  @Override
  public void authorize(AuthorizeExchangeSpec routes) {
    routes
        .pathMatchers(HttpMethod.GET, "/api/achievement-imports/template").permitAll()
        .pathMatchers(HttpMethod.POST, "/api/achievement-imports").hasRole("UNIVERSITY")
        .pathMatchers(HttpMethod.GET, "/api/achievement-imports/*", "/api/achievement-imports/*/events",
            "/api/achievement-imports/*/errors").authenticated();
  }
}
