package org.pingliang.techmarket.marketplace.instrument;

import org.pingliang.techmarket.marketplace.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Who may call the instrument routes: anyone browses instruments and free hours; institutions'
 * members (realm roles UNIVERSITY; COMMISSIONER or ENTERPRISE for service providers) list them;
 * enterprises book. Membership and member role are checked where the organisation is known.
 */
@Component
class InstrumentRouteRules implements RouteRules {

  @Override
  public void authorize(AuthorizeExchangeSpec routes) {
    routes
        .pathMatchers(HttpMethod.GET, "/api/instruments", "/api/instruments/*", "/api/instruments/*/slots").permitAll()
        .pathMatchers(HttpMethod.POST, "/api/instruments").hasAnyRole("UNIVERSITY", "COMMISSIONER", "ENTERPRISE")
        .pathMatchers(HttpMethod.PUT, "/api/instruments/*").hasAnyRole("UNIVERSITY", "COMMISSIONER", "ENTERPRISE")
        .pathMatchers(HttpMethod.POST, "/api/instrument-bookings").hasRole("ENTERPRISE")
        .pathMatchers(HttpMethod.GET, "/api/instrument-bookings", "/api/instrument-bookings/*").authenticated()
        .pathMatchers(HttpMethod.POST, "/api/instrument-bookings/*/cancellation",
            "/api/instrument-bookings/*/completion").authenticated();
  }
}
