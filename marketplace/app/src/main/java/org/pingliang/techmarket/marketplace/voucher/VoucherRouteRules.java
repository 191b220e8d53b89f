package org.pingliang.techmarket.marketplace.voucher;

import org.pingliang.techmarket.marketplace.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Who may call the voucher, checkout and provider routes. Roles here; membership (OWNER/EDITOR of the
 * buyer or provider, members to read) where the organisation is known.
 */
@Component
class VoucherRouteRules implements RouteRules {

  private static final String[] MEMBERS = {"UNIVERSITY", "ENTERPRISE", "BROKER", "COMMISSIONER", "ADMIN"};
  private static final String[] BUYERS = {"ENTERPRISE", "UNIVERSITY"};
  private static final String[] PROVIDERS = {"UNIVERSITY", "ENTERPRISE", "BROKER", "COMMISSIONER"};

  @Override
  public void authorize(AuthorizeExchangeSpec routes) {
    routes
        .pathMatchers(HttpMethod.GET, "/api/voucher-statistics", "/api/voucher-providers", "/api/provider-services",
            "/api/provider-services/*").permitAll()
        .pathMatchers(HttpMethod.PUT, "/api/voucher-budgets/*").hasRole("ADMIN")
        .pathMatchers(HttpMethod.GET, "/api/voucher-budgets", "/api/voucher-ledger/balance").hasRole("ADMIN")
        .pathMatchers(HttpMethod.POST, "/api/vouchers", "/api/voucher-providers").hasRole("ADMIN")
        .pathMatchers(HttpMethod.GET, "/api/vouchers", "/api/vouchers/*").hasAnyRole(MEMBERS)
        .pathMatchers(HttpMethod.PUT, "/api/organisations/*/small-enterprise-declaration").hasRole("ENTERPRISE")
        .pathMatchers(HttpMethod.GET, "/api/organisations/*/small-enterprise-declaration",
            "/api/organisations/*/voucher-eligibility").hasAnyRole(MEMBERS)
        .pathMatchers(HttpMethod.GET, "/api/orders/*").hasAnyRole(MEMBERS)
        .pathMatchers(HttpMethod.POST, "/api/orders/*/voucher-redemptions", "/api/orders/*/card-payments")
        .hasAnyRole(BUYERS)
        .pathMatchers(HttpMethod.POST, "/api/provider-services").hasAnyRole(PROVIDERS)
        .pathMatchers(HttpMethod.POST, "/api/provider-services/*/orders").hasAnyRole(BUYERS)
        .pathMatchers(HttpMethod.GET, "/api/service-orders", "/api/service-orders/*").hasAnyRole(MEMBERS)
        .pathMatchers(HttpMethod.POST, "/api/service-orders/*/delivery").hasAnyRole(PROVIDERS)
        .pathMatchers(HttpMethod.POST, "/api/service-orders/*/confirmation", "/api/service-orders/*/cancellation")
        .hasAnyRole(BUYERS)
        .pathMatchers(HttpMethod.POST, "/api/reimbursement-claims").hasAnyRole(PROVIDERS)
        .pathMatchers(HttpMethod.GET, "/api/reimbursement-claims", "/api/reimbursement-claims/*").hasAnyRole(MEMBERS)
        .pathMatchers(HttpMethod.POST, "/api/reimbursement-claims/*/approval", "/api/reimbursement-claims/*/rejection")
        .hasRole("ADMIN");
  }
}
