package org.pingliang.techmarket.marketplace.listing.snapshot;

import org.pingliang.techmarket.marketplace.identity.RouteRules;
import org.pingliang.techmarket.marketplace.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Listing snapshots hold every listing in every state (drafts and rejected ones too): only machine
 * clients (the search indexer, with the SERVICE role) may page through them.
 */
@Component
class ListingSnapshotRouteRules implements RouteRules {

  @Override
  public void authorize(AuthorizeExchangeSpec routes) {
    routes.pathMatchers(HttpMethod.GET, "/api/listing-snapshots").hasRole(Role.SERVICE.name());
  }
}
