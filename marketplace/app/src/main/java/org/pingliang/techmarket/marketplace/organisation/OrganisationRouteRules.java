package org.pingliang.techmarket.marketplace.organisation;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

import org.pingliang.techmarket.marketplace.identity.Role;
import org.pingliang.techmarket.marketplace.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.stereotype.Component;

/**
 * Who may call the organisation routes. The rules here are about roles; whether the caller is an
 * owner or member of the organisation is decided by the service, which answers 404 to outsiders.
 */
@Component
class OrganisationRouteRules implements RouteRules {

  private static final String ORGANISATIONS = "/api/organisations";
  private static final String ONE = "/api/organisations/{id}";

  @Override
  public void authorize(AuthorizeExchangeSpec routes) {
    routes
        // The moderation queue: listing by status is for administrators; first, as it narrows the next rule.
        .matchers(listingByStatus()).hasRole(Role.ADMIN.name())
        .pathMatchers(HttpMethod.GET, ORGANISATIONS, ONE).permitAll()
        .pathMatchers(HttpMethod.POST, ORGANISATIONS).hasAnyRole(Role.UNIVERSITY.name(), Role.ENTERPRISE.name(),
            Role.BROKER.name(), Role.COMMISSIONER.name(), Role.ADMIN.name())
        .pathMatchers(HttpMethod.PUT, ONE).authenticated()
        .pathMatchers(HttpMethod.POST, ONE + "/verification").hasRole(Role.ADMIN.name())
        .pathMatchers(HttpMethod.GET, ONE + "/members").authenticated()
        .pathMatchers(HttpMethod.POST, ONE + "/members").authenticated()
        .pathMatchers(HttpMethod.DELETE, ONE + "/members/{subject}").authenticated()
        .pathMatchers(HttpMethod.GET, "/api/me/organisations").authenticated();
  }

  private static ServerWebExchangeMatcher listingByStatus() {
    ServerWebExchangeMatcher hasStatus = exchange -> exchange.getRequest().getQueryParams().containsKey("status")
        ? MatchResult.match() : MatchResult.notMatch();
    return new AndServerWebExchangeMatcher(pathMatchers(HttpMethod.GET, ORGANISATIONS), hasStatus);
  }
}
