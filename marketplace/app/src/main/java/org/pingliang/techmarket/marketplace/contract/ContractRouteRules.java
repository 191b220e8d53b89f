package org.pingliang.techmarket.marketplace.contract;

import org.pingliang.techmarket.marketplace.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Who may call the contract routes. Parties can be universities, enterprises, service providers or
 * brokers, so contract routes need a signed-in user of any role and {@link ManagingContracts}
 * decides by membership and member role; the registration desk is ADMIN only; statistics are
 * public aggregates.
 */
@Component
class ContractRouteRules implements RouteRules {

  @Override
  public void authorize(AuthorizeExchangeSpec routes) {
    routes
        .pathMatchers(HttpMethod.GET, "/api/contract-statistics", "/api/contract-statistics/target").permitAll()
        .pathMatchers(HttpMethod.GET, "/api/registrations").hasRole("ADMIN")
        .pathMatchers(HttpMethod.POST, "/api/contracts/*/registration", "/api/contracts/*/rejection").hasRole("ADMIN")
        .pathMatchers(HttpMethod.GET, "/api/contracts", "/api/contracts/*", "/api/contracts/*/audit-log",
            "/api/contracts/*/audit-log/verification", "/api/contracts/*/registration-form.pdf",
            "/api/contracts/*/registration-form.csv").authenticated()
        .pathMatchers(HttpMethod.PUT, "/api/contracts/*").authenticated()
        .pathMatchers(HttpMethod.POST, "/api/contracts/*/signature-request", "/api/contracts/*/revision",
            "/api/contracts/*/signatures", "/api/contracts/*/submission", "/api/contracts/*/termination",
            "/api/contracts/*/milestones/*/delivery", "/api/contracts/*/milestones/*/acceptance").authenticated();
  }
}
