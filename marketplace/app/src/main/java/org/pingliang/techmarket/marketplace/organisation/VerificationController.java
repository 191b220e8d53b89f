package org.pingliang.techmarket.marketplace.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.OrganisationJson.OrganisationResponse;
import org.pingliang.techmarket.marketplace.organisation.internal.VerificationDecision;
import org.pingliang.techmarket.marketplace.organisation.internal.VerificationForm;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** An administrator's verification of an organisation (机构认证). */
@RestController
@Tag(name = "organisations")
@SecurityRequirement(name = "keycloak")
class VerificationController {

  private final ChangingOrganisation changing;
  private final OrganisationProblems problems;

  VerificationController(ChangingOrganisation changing, OrganisationProblems problems) {
    this.changing = changing;
    this.problems = problems;
  }

  @PostMapping("/api/organisations/{id}/verification")
  @Operation(summary = "Verify or reject an organisation's legal identity; a rejection needs a reason. Optionally "
      + "based on a version (If-Match or version), so the decision is not taken on details changed meanwhile. "
      + "Roles: ADMIN.",
      responses = {
          @ApiResponse(responseCode = "200", description = "Decided; the organisation with its new status"),
          @ApiResponse(responseCode = "400", description = "Malformed JSON, unknown decision or fields, bad If-Match"),
          @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not ADMIN"),
          @ApiResponse(responseCode = "404", description = "No such organisation"),
          @ApiResponse(responseCode = "409", description = "The organisation changed since the given version"),
          @ApiResponse(responseCode = "422", description = "No decision, or a rejection without a reason")})
  Mono<ResponseEntity<OrganisationResponse>> decide(Actor actor, @PathVariable UUID id,
      @RequestHeader(value = Versions.IF_MATCH, required = false) String ifMatch,
      @RequestBody VerificationRequest request, Locale locale) {
    return problems.orError(Versions.optional(ifMatch, request.version()))
        .flatMap(version -> changing.decide(id, actor,
            new VerificationForm(request.decision(), request.reason(), version.orElse(null))))
        .map(stored -> ResponseEntity.ok().eTag(Versions.entityTag(stored.organisation()))
            .body(OrganisationResponse.of(stored, locale)));
  }

  /** The decision; {@code reason} is required when rejecting, shown to the organisation's members. */
  record VerificationRequest(VerificationDecision decision, String reason, Long version) {}
}
