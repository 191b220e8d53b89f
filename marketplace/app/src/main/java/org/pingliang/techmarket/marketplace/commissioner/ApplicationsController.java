package org.pingliang.techmarket.marketplace.commissioner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 科技特派员选派: applications, consents (employer, served enterprise) and the bureau's decision. */
@RestController
@Tag(name = "commissioners", description = "科技特派员 — S&T commissioners")
@SecurityRequirement(name = "keycloak")
class ApplicationsController {

  private final Selection selection;

  ApplicationsController(Selection selection) {
    this.selection = selection;
  }

  @PostMapping("/api/commissioner-applications")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Apply to become a commissioner (profile, expertise, employer = dispatching unit you belong to; an ENTERPRISE commissioner names the served enterprise). Roles: UNIVERSITY, ENTERPRISE, BROKER, COMMISSIONER.",
      responses = {@ApiResponse(responseCode = "201"), @ApiResponse(responseCode = "400", description = "Malformed JSON or unknown fields"),
          @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "ADMIN, removed for misconduct, or on the integrity blacklist"),
          @ApiResponse(responseCode = "409", description = "Already selected, or an application is open"),
          @ApiResponse(responseCode = "422", description = "Not a member of the employer, unknown region/village/enterprise")})
  Mono<ApplicationView> apply(Actor actor, @Valid @RequestBody Forms.ApplicationForm form) {
    return selection.apply(actor, form);
  }

  @GetMapping("/api/commissioner-applications/mine")
  @Operation(summary = "The caller's own applications, newest first. Roles: any signed-in user.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token")})
  Flux<ApplicationView> mine(Actor actor) {
    return selection.mine(actor);
  }

  @GetMapping("/api/commissioner-applications/consent-requests")
  @Operation(summary = "Applications waiting for the caller's consent as OWNER of the employer or the served enterprise. Roles: any signed-in user.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token")})
  Flux<ApplicationView> consentRequests(Actor actor) {
    return selection.consentRequests(actor);
  }

  @GetMapping("/api/commissioner-applications")
  @Operation(summary = "The bureau's review queue (status IN_REVIEW by default). Roles: ADMIN.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not ADMIN"), @ApiResponse(responseCode = "400", description = "Unknown status")})
  Flux<ApplicationView> queue(@RequestParam(required = false) ApplicationStatus status) {
    return selection.queue(status == null ? ApplicationStatus.IN_REVIEW : status);
  }

  @GetMapping("/api/commissioner-applications/{id}")
  @Operation(summary = "One application. Roles: the applicant, members of the employer or served enterprise, ADMIN.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "404", description = "No such application, or not visible to the caller")})
  Mono<ApplicationView> get(Actor actor, @PathVariable UUID id) {
    return selection.visible(actor, id);
  }

  @PostMapping("/api/commissioner-applications/{id}/withdrawal")
  @Operation(summary = "Withdraw an open application. Roles: the applicant.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "404", description = "No such application of the caller"),
          @ApiResponse(responseCode = "409", description = "Already decided or closed")})
  Mono<ApplicationView> withdraw(Actor actor, @PathVariable UUID id) {
    return selection.withdraw(actor, id);
  }

  @PostMapping("/api/commissioner-applications/{id}/employer-consent")
  @Operation(summary = "The employer's (派出单位) consent or refusal. Roles: OWNER of the employer.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "A member who is not OWNER, ADMIN, the applicant"),
          @ApiResponse(responseCode = "404", description = "Not visible to the caller"),
          @ApiResponse(responseCode = "409", description = "Already answered or no longer awaiting consent")})
  Mono<ApplicationView> employerConsent(Actor actor, @PathVariable UUID id, @Valid @RequestBody Forms.ConsentForm form) {
    return selection.consent(actor, id, false, form);
  }

  @PostMapping("/api/commissioner-applications/{id}/enterprise-consent")
  @Operation(summary = "The served enterprise's consent (two-way selection) for an ENTERPRISE commissioner. Roles: OWNER of the served enterprise.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not OWNER of the served enterprise"),
          @ApiResponse(responseCode = "404", description = "Not visible to the caller"),
          @ApiResponse(responseCode = "409", description = "Not an enterprise commissioner, or already answered")})
  Mono<ApplicationView> enterpriseConsent(Actor actor, @PathVariable UUID id, @Valid @RequestBody Forms.ConsentForm form) {
    return selection.consent(actor, id, true, form);
  }

  @PostMapping("/api/commissioner-applications/{id}/decision")
  @Operation(summary = "The bureau's decision with HR's opinion (who, when, why are recorded); approval selects the person, issues the 聘书 number and publishes them in the notice. Roles: ADMIN.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not ADMIN, or the person is on the integrity blacklist"),
          @ApiResponse(responseCode = "404", description = "No such application"),
          @ApiResponse(responseCode = "409", description = "Not in review (consents missing), stale version, or already selected"),
          @ApiResponse(responseCode = "422", description = "HR opinion or reason missing")})
  Mono<ApplicationView> decide(Actor actor, @PathVariable UUID id, @Valid @RequestBody Forms.DecisionForm form) {
    return selection.decide(actor, id, form);
  }
}
