package org.pingliang.techmarket.marketplace.identity;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * The authorization rules of one feature's routes. Each feature declares its own as a bean, so the
 * rule sits next to the controller it guards; {@link SecurityConfiguration} applies them all before
 * its catch-all rules. Every route must be named here with an explicit rule.
 */
@FunctionalInterface
public interface RouteRules {

  void authorize(AuthorizeExchangeSpec routes);
}
