package org.pingliang.techmarket.marketplace.commissioner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The roster: public list and notice, a commissioner's record and 聘书, agreements, villages, exit and removal. */
@RestController
@Tag(name = "commissioners")
@SecurityRequirement(name = "keycloak")
class CommissionersController {

  private final Roster roster;
  private final AppointmentLetterPdf letters;
  private final Coverage coverage;

  CommissionersController(Roster roster, AppointmentLetterPdf letters, Coverage coverage) {
    this.roster = roster;
    this.letters = letters;
    this.coverage = coverage;
  }

  @GetMapping("/api/commissioners")
  @Operation(summary = "Active commissioners (selected, not exited, removed or blacklisted), optionally by type and managing region. Roles: public.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "400", description = "Unknown type")})
  Flux<CommissionerView.PublicCard> list(@RequestParam(required = false) CommissionerType type,
      @RequestParam(required = false) String regionCode) {
    return roster.publicList(type, regionCode);
  }

  @GetMapping("/api/commissioner-notice")
  @Operation(summary = "The public notice (公示) of the commissioners selected in a year (this year by default); people removed for misconduct disappear from it. Roles: public.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "422", description = "year out of 2000..2100")})
  Flux<CommissionerView.PublicCard> notice(@RequestParam(required = false) Integer year) {
    return roster.notice(Years.of(year, coverage.thisYear()));
  }

  @GetMapping("/api/commissioners/me")
  @Operation(summary = "The caller's own commissioner record with agreements and evaluations. Roles: any signed-in user.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "404", description = "The caller was never selected")})
  Mono<CommissionerView> me(Actor actor) {
    return roster.me(actor);
  }

  @GetMapping("/api/commissioners/{id}")
  @Operation(summary = "One commissioner's full record. Roles: the person, members of the dispatching unit, ADMIN.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "404", description = "No such commissioner, or not visible to the caller")})
  Mono<CommissionerView> get(Actor actor, @PathVariable UUID id) {
    return roster.visible(actor, id);
  }

  @GetMapping("/api/commissioners/{id}/appointment-letter.pdf")
  @Operation(summary = "The appointment letter (聘书) as PDF. Roles: the person, members of the dispatching unit, ADMIN.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "404", description = "No such commissioner, or not visible to the caller")})
  Mono<ResponseEntity<byte[]>> letter(Actor actor, @PathVariable UUID id) {
    return roster.visible(actor, id)
        .flatMap(view -> Mono.fromCallable(() -> letters.render(view)).subscribeOn(Schedulers.boundedElastic())
            .timeout(Duration.ofSeconds(20)))
        // No "produces": a refusal must still be answered as problem+json.
        .map(bytes -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("appointment-letter-" + id + ".pdf").build().toString())
            .body(bytes));
  }

  @PostMapping("/api/commissioners/{id}/agreements")
  @Operation(summary = "Record the three-party agreement (managing unit = the region's S&T bureau, dispatching unit = employer, served unit). Roles: ADMIN.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not ADMIN"), @ApiResponse(responseCode = "404", description = "No such commissioner"),
          @ApiResponse(responseCode = "409", description = "Not active"), @ApiResponse(responseCode = "422", description = "Invalid dates or fields")})
  Mono<CommissionerView> agreement(Actor actor, @PathVariable UUID id, @Valid @RequestBody Forms.AgreementForm form) {
    return roster.recordAgreement(actor, id, form);
  }

  @PutMapping("/api/commissioners/{id}/villages")
  @Operation(summary = "Replace the villages the commissioner serves (coverage). Roles: ADMIN.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not ADMIN"), @ApiResponse(responseCode = "404", description = "No such commissioner"),
          @ApiResponse(responseCode = "422", description = "Unknown village")})
  Mono<CommissionerView> villages(@PathVariable UUID id, @Valid @RequestBody Forms.VillagesForm form) {
    return roster.assignVillages(id, form.villageCodes());
  }

  @PostMapping("/api/commissioners/{id}/resignation")
  @Operation(summary = "Leave the roster of one's own accord (EXITED, an honest exit). Roles: the commissioner.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "404", description = "Not the caller's record"), @ApiResponse(responseCode = "409", description = "Not active")})
  Mono<CommissionerView> resign(Actor actor, @PathVariable UUID id) {
    return roster.resign(actor, id);
  }

  @PostMapping("/api/commissioners/{id}/removal")
  @Operation(summary = "Remove for misconduct (渎职失职): standing REMOVED and the person is put on the integrity blacklist; they disappear from the public list, notice and matching. Roles: ADMIN.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not ADMIN"), @ApiResponse(responseCode = "404", description = "No such commissioner"),
          @ApiResponse(responseCode = "409", description = "Already removed"), @ApiResponse(responseCode = "422", description = "Reason missing")})
  Mono<CommissionerView> remove(Actor actor, @PathVariable UUID id, @Valid @RequestBody Forms.ReasonForm form) {
    return roster.remove(actor, id, form.reason());
  }
}
