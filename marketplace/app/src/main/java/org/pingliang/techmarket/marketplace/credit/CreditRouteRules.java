package org.pingliang.techmarket.marketplace.credit;

import org.pingliang.techmarket.marketplace.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Who may call the credit routes: credit profiles and the blacklist's names in force are public;
 * engagements and ratings need a signed-in party (membership is checked where the engagement is
 * known, so strangers get 404); bans are the bureau's (ADMIN).
 */
@Component
class CreditRouteRules implements RouteRules {

  @Override
  public void authorize(AuthorizeExchangeSpec routes) {
    routes
        .pathMatchers(HttpMethod.GET, "/api/credit-profiles/organisations/*", "/api/credit-profiles/people/*",
            "/api/blacklist").permitAll()
        .pathMatchers(HttpMethod.GET, "/api/engagements", "/api/engagements/*").authenticated()
        .pathMatchers(HttpMethod.POST, "/api/engagements/*/ratings").authenticated()
        .pathMatchers(HttpMethod.GET, "/api/trading-bans").hasRole("ADMIN")
        .pathMatchers(HttpMethod.POST, "/api/trading-bans", "/api/trading-bans/*/lifting").hasRole("ADMIN");
  }
}
