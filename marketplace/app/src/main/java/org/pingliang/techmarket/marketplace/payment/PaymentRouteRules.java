package org.pingliang.techmarket.marketplace.payment;

import org.pingliang.techmarket.marketplace.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Who may call the payment routes. Roles are checked here; party membership and the member's role
 * (OWNER for payout accounts, OWNER/EDITOR of the buyer to pay) where the contract is known. Stripe's
 * webhook carries no token: its signature is the authentication.
 */
@Component
class PaymentRouteRules implements RouteRules {

  @Override
  public void authorize(AuthorizeExchangeSpec routes) {
    routes
        .pathMatchers(HttpMethod.POST, "/api/stripe/webhooks").permitAll()
        .pathMatchers("/api/organisations/*/payout-account", "/api/organisations/*/payout-account/onboarding-link")
        .hasAnyRole("UNIVERSITY", "ENTERPRISE", "BROKER")
        .pathMatchers(HttpMethod.POST, "/api/contracts/*/milestones/*/payment").hasAnyRole("UNIVERSITY", "ENTERPRISE")
        .pathMatchers(HttpMethod.GET, "/api/contracts/*/payments", "/api/contracts/*/milestones/*/payment")
        .hasAnyRole("UNIVERSITY", "ENTERPRISE", "BROKER", "ADMIN");
  }
}
