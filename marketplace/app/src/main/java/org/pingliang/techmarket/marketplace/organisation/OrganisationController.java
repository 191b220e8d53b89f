package org.pingliang.techmarket.marketplace.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.OrganisationJson.LegalEntity;
import org.pingliang.techmarket.marketplace.organisation.OrganisationJson.OrganisationPage;
import org.pingliang.techmarket.marketplace.organisation.OrganisationJson.OrganisationResponse;
import org.pingliang.techmarket.marketplace.organisation.internal.ChangeForm;
import org.pingliang.techmarket.marketplace.organisation.internal.OrganisationForm;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Organisations (机构): registration, the public directory and the moderation queue, changes. */
@RestController
@RequestMapping("/api/organisations")
@Tag(name = "organisations", description = "Organisations and their verification (机构登记与认证)")
class OrganisationController {

  private final RegisteringOrganisation registering;
  private final BrowsingOrganisations browsing;
  private final ChangingOrganisation changing;
  private final OrganisationProblems problems;

  OrganisationController(RegisteringOrganisation registering, BrowsingOrganisations browsing,
      ChangingOrganisation changing, OrganisationProblems problems) {
    this.registering = registering;
    this.browsing = browsing;
    this.changing = changing;
    this.problems = problems;
  }

  @PostMapping
  @SecurityRequirement(name = "keycloak")
  @Operation(summary = "Register an organisation; the caller becomes its OWNER and it waits for verification (PENDING). "
      + "Roles: UNIVERSITY (UNIVERSITY, RESEARCH_INSTITUTE), ENTERPRISE (ENTERPRISE, SERVICE_PROVIDER), "
      + "BROKER (BROKER_AGENCY), COMMISSIONER (SERVICE_PROVIDER), ADMIN (any kind).",
      responses = {
          @ApiResponse(responseCode = "201", description = "Registered; Location and ETag name it"),
          @ApiResponse(responseCode = "400", description = "Malformed JSON, wrong types or unknown fields"),
          @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "The caller's role may not register this kind"),
          @ApiResponse(responseCode = "409", description = "The credit code is already registered"),
          @ApiResponse(responseCode = "413", description = "Body too large"),
          @ApiResponse(responseCode = "415", description = "Body is not JSON"),
          @ApiResponse(responseCode = "422", description = "A field breaks a rule (check digit, region, length…)")})
  Mono<ResponseEntity<OrganisationResponse>> register(Actor actor, @RequestBody RegistrationRequest request,
      Locale locale) {
    return registering.register(actor, request.toForm())
        .map(stored -> ResponseEntity.created(URI.create("/api/organisations/" + stored.organisation().id()))
            .eTag(Versions.entityTag(stored.organisation()))
            .body(OrganisationResponse.of(stored, locale)));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One organisation. Roles: anyone for a VERIFIED one; PENDING or REJECTED ones only for "
      + "their members and ADMIN, everyone else gets 404.",
      responses = {
          @ApiResponse(responseCode = "200", description = "The organisation; ETag is its version"),
          @ApiResponse(responseCode = "400", description = "The id is not a UUID"),
          @ApiResponse(responseCode = "401", description = "A token was sent but is invalid"),
          @ApiResponse(responseCode = "404", description = "No such organisation, or not visible to the caller")})
  Mono<ResponseEntity<OrganisationResponse>> one(Actor actor, @PathVariable UUID id, Locale locale) {
    return browsing.visible(id, actor)
        .map(stored -> ResponseEntity.ok().eTag(Versions.entityTag(stored.organisation()))
            .body(OrganisationResponse.of(stored, locale)));
  }

  @GetMapping
  @Operation(summary = "The directory of VERIFIED organisations in registration order, by cursor. Roles: anyone; "
      + "only ADMIN may pass status (e.g. status=PENDING: the moderation queue).",
      responses = {
          @ApiResponse(responseCode = "200", description = "Items and nextCursor (null on the last page)"),
          @ApiResponse(responseCode = "400", description = "Unknown kind or status, or a cursor this API did not issue"),
          @ApiResponse(responseCode = "401", description = "status was passed without a token, or the token is invalid"),
          @ApiResponse(responseCode = "403", description = "status was passed by someone who is not ADMIN"),
          @ApiResponse(responseCode = "422", description = "region is not a GB/T 2260 code, or size is not 1–100")})
  Mono<OrganisationPage> list(
      @Parameter(description = "Only this kind") @RequestParam(required = false) OrganisationKind kind,
      @Parameter(description = "GB/T 2260 code; a city or province includes its counties")
      @RequestParam(required = false) String region,
      @Parameter(description = "ADMIN only; default VERIFIED") @RequestParam(required = false) VerificationStatus status,
      @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
      @Parameter(description = "1–100, default 20") @RequestParam(required = false) Integer size,
      Locale locale) {
    return problems.orError(OrganisationQuery.of(status, kind, region, cursor, size))
        .flatMap(browsing::page)
        .map(page -> new OrganisationPage(
            page.items().stream().map(stored -> OrganisationResponse.of(stored, locale)).toList(), page.nextCursor()));
  }

  @PutMapping("/{id}")
  @SecurityRequirement(name = "keycloak")
  @Operation(summary = "Change name, region and legal-entity type (credit code: ADMIN only), based on the version read "
      + "(If-Match: \"<version>\" or version in the body). A change of name, credit code or legal-entity type of a "
      + "VERIFIED organisation, or any change of a REJECTED one, sends it back to PENDING. Roles: the organisation's "
      + "OWNER, ADMIN.",
      responses = {
          @ApiResponse(responseCode = "200", description = "Changed (or unchanged: same values); ETag is the new version"),
          @ApiResponse(responseCode = "400", description = "Malformed JSON, wrong types, unknown fields or If-Match"),
          @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not the OWNER (of a verified organisation), or a credit "
              + "code change by someone who is not ADMIN"),
          @ApiResponse(responseCode = "404", description = "No such organisation, or not visible to the caller"),
          @ApiResponse(responseCode = "409", description = "Stale version, or the new credit code is taken"),
          @ApiResponse(responseCode = "422", description = "A field breaks a rule, or no version was sent")})
  Mono<ResponseEntity<OrganisationResponse>> change(Actor actor, @PathVariable UUID id,
      @RequestHeader(value = Versions.IF_MATCH, required = false) String ifMatch,
      @RequestBody ChangeRequest request, Locale locale) {
    return problems.orError(Versions.required(ifMatch, request.version()))
        .flatMap(version -> changing.change(id, actor, version, request.toForm()))
        .map(stored -> ResponseEntity.ok().eTag(Versions.entityTag(stored.organisation()))
            .body(OrganisationResponse.of(stored, locale)));
  }

  /** A registration. */
  record RegistrationRequest(String name, OrganisationKind kind, String creditCode, String regionCode,
      LegalEntity legalEntityType) {

    OrganisationForm toForm() {
      return new OrganisationForm(name, kind, creditCode, regionCode, LegalEntity.toForm(legalEntityType));
    }
  }

  /** New details; {@code creditCode} may be left out (kept), {@code version} may come as If-Match instead. */
  record ChangeRequest(String name, String regionCode, LegalEntity legalEntityType, String creditCode,
      Long version) {

    ChangeForm toForm() {
      return new ChangeForm(name, regionCode, LegalEntity.toForm(legalEntityType), creditCode);
    }
  }
}
