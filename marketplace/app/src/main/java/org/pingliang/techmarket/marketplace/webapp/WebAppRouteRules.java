package org.pingliang.techmarket.marketplace.webapp;

import org.pingliang.techmarket.marketplace.identity.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/** The web app's start-up settings are public: the browser reads them before anyone logs in. */
@Component
class WebAppRouteRules implements RouteRules {

  @Override
  public void authorize(AuthorizeExchangeSpec routes) {
    routes.pathMatchers(HttpMethod.GET, "/api/web-config").permitAll();
  }
}
