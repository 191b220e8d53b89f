package org.pingliang.techmarket.marketplace.listing.achievement;

import org.pingliang.techmarket.marketplace.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Who may call the achievement routes. Roles are checked here; membership of the holding
 * organisation is checked by {@link ManagingAchievements}, where the record is known.
 */
@Component
class AchievementRouteRules implements RouteRules {

  @Override
  public void authorize(AuthorizeExchangeSpec routes) {
    routes
        .pathMatchers(HttpMethod.GET, "/api/achievements", "/api/achievements/*").permitAll()
        .pathMatchers(HttpMethod.GET, "/api/achievements/*/history").authenticated()
        .pathMatchers(HttpMethod.POST, "/api/achievements").hasRole("UNIVERSITY")
        .pathMatchers(HttpMethod.PUT, "/api/achievements/*").hasRole("UNIVERSITY")
        .pathMatchers(HttpMethod.POST, "/api/achievements/*/submission", "/api/achievements/*/archival").hasRole("UNIVERSITY")
        .pathMatchers(HttpMethod.POST, "/api/achievements/*/withdrawal").hasAnyRole("UNIVERSITY", "ADMIN")
        .pathMatchers(HttpMethod.POST, "/api/achievements/*/publication", "/api/achievements/*/rejection").hasRole("ADMIN")
        .pathMatchers(HttpMethod.GET, "/api/moderation/achievements").hasRole("ADMIN");
  }
}
