package org.pingliang.techmarket.marketplace.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.OrganisationJson.MyOrganisation;
import org.pingliang.techmarket.marketplace.organisation.OrganisationJson.MyOrganisations;
import org.pingliang.techmarket.marketplace.organisation.OrganisationJson.OrganisationResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in user's organisations. */
@RestController
@Tag(name = "organisations")
@SecurityRequirement(name = "keycloak")
class MyOrganisationsController {

  private final BrowsingOrganisations browsing;

  MyOrganisationsController(BrowsingOrganisations browsing) {
    this.browsing = browsing;
  }

  @GetMapping("/api/me/organisations")
  @Operation(summary = "The organisations I am a member of, in any status, with my role in each. "
      + "Roles: any signed-in user.",
      responses = {
          @ApiResponse(responseCode = "200"),
          @ApiResponse(responseCode = "401", description = "No or invalid token")})
  Mono<MyOrganisations> mine(Actor actor, Locale locale) {
    return browsing.mine(actor)
        .map(membership -> new MyOrganisation(membership.role(),
            OrganisationResponse.of(membership.organisation(), locale)))
        .collectList().map(MyOrganisations::new);
  }
}
