package org.pingliang.techmarket.marketplace.negotiation;

import org.pingliang.techmarket.marketplace.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Who may call the negotiation routes. Realm roles are checked here; taking part in the room (a
 * party's member or its broker) and the member role are checked where the room is known, so
 * outsiders get 404 and a party's MEMBER 403.
 */
@Component
class NegotiationRouteRules implements RouteRules {

  @Override
  public void authorize(AuthorizeExchangeSpec routes) {
    routes
        .pathMatchers(HttpMethod.POST, "/api/negotiations").hasAnyRole("ENTERPRISE", "UNIVERSITY")
        .pathMatchers(HttpMethod.GET, "/api/negotiations", "/api/negotiations/*", "/api/negotiations/*/messages",
            "/api/negotiations/*/events", "/api/negotiations/*/offers", "/api/negotiations/*/offers/*").authenticated()
        .pathMatchers(HttpMethod.POST, "/api/negotiations/*/messages", "/api/negotiations/*/nda-requirement",
            "/api/negotiations/*/nda-acknowledgement", "/api/negotiations/*/offers",
            "/api/negotiations/*/offers/*/acceptance", "/api/negotiations/*/offers/*/declination",
            "/api/negotiations/*/offers/*/withdrawal", "/api/negotiations/*/broker-invitations",
            "/api/negotiations/*/broker-invitations/*/agreement",
            "/api/negotiations/*/broker-invitations/*/declination").authenticated()
        .pathMatchers(HttpMethod.POST, "/api/negotiations/*/broker-invitations/*/acceptance").hasRole("BROKER")
        .pathMatchers(HttpMethod.GET, "/api/broker-invitations").hasRole("BROKER")
        .pathMatchers(HttpMethod.POST, "/api/broker-proposals").hasRole("BROKER")
        .pathMatchers(HttpMethod.GET, "/api/broker-proposals/*").authenticated()
        .pathMatchers(HttpMethod.POST, "/api/broker-proposals/*/acceptance", "/api/broker-proposals/*/declination")
            .authenticated();
  }
}
