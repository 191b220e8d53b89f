package org.pingliang.techmarket.marketplace.commissioner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The electronic archive, the yearly filing, evaluation, coverage, teams, bases and statistics. */
@RestController
@Tag(name = "commissioners")
@SecurityRequirement(name = "keycloak")
class ServiceController {

  private final Archive archive;
  private final Filings filings;
  private final Evaluations evaluations;
  private final Coverage coverage;

  ServiceController(Archive archive, Filings filings, Evaluations evaluations, Coverage coverage) {
    this.archive = archive;
    this.filings = filings;
    this.evaluations = evaluations;
    this.coverage = coverage;
  }

  @PostMapping("/api/commissioner-service-records")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "File a delivered service (where, for whom, what, outcome) in the electronic archive. Roles: an active commissioner (any signed-in user who is selected).",
      responses = {@ApiResponse(responseCode = "201"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not an active commissioner"),
          @ApiResponse(responseCode = "422", description = "Unknown organisation or village, date in the future")})
  Mono<Archive.ServiceRecordView> file(Actor actor, @Valid @RequestBody Forms.ServiceRecordForm form) {
    return archive.file(actor, form);
  }

  @GetMapping("/api/commissioner-service-records")
  @Operation(summary = "Service records of the caller as commissioner and those served to the caller's organisations; ADMIN sees all. Roles: any signed-in user.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token")})
  Flux<Archive.ServiceRecordView> records(Actor actor) {
    return archive.list(actor);
  }

  @PostMapping("/api/commissioner-service-records/{id}/confirmation")
  @Operation(summary = "Confirm (or dispute) a filed service; a confirmation records a finished SERVICE engagement for credit. Roles: OWNER or EDITOR of the served organisation.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "The commissioner, ADMIN or a plain MEMBER"),
          @ApiResponse(responseCode = "404", description = "No such record, or not visible to the caller"),
          @ApiResponse(responseCode = "409", description = "Already confirmed or disputed")})
  Mono<Archive.ServiceRecordView> confirm(Actor actor, @PathVariable UUID id, @Valid @RequestBody Forms.ConfirmationForm form) {
    return archive.confirm(actor, id, form);
  }

  @GetMapping("/api/commissioner-filings/{year}")
  @Operation(summary = "The yearly filing summary the city sends to the province (JSON). Roles: ADMIN.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not ADMIN"), @ApiResponse(responseCode = "422", description = "year out of 2000..2100")})
  Mono<Filings.Summary> filing(@PathVariable int year) {
    return filings.summary(Years.of(year, year));
  }

  @GetMapping("/api/commissioner-filings/{year}/summary.csv")
  @Operation(summary = "The yearly filing summary as CSV (UTF-8 with BOM, RFC 4180, formula-safe). Roles: ADMIN.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not ADMIN"), @ApiResponse(responseCode = "422", description = "year out of 2000..2100")})
  Mono<ResponseEntity<byte[]>> filingCsv(@PathVariable int year) {
    return filings.summary(Years.of(year, year)).map(summary -> ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("commissioner-filing-" + year + ".csv").build().toString())
        .body(Filings.csv(summary)));
  }

  @PostMapping("/api/commissioner-evaluation-feedback")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "A served organisation's feedback for the annual evaluation; needs a confirmed service of the commissioner in that year. Roles: OWNER or EDITOR of the organisation.",
      responses = {@ApiResponse(responseCode = "204"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not OWNER/EDITOR of the organisation"),
          @ApiResponse(responseCode = "409", description = "Feedback already given"),
          @ApiResponse(responseCode = "422", description = "No confirmed service in that year")})
  Mono<Void> feedback(Actor actor, @Valid @RequestBody Forms.FeedbackForm form) {
    return evaluations.feedback(actor, form);
  }

  @GetMapping("/api/commissioner-evaluations")
  @Operation(summary = "A year's evaluation of one managing region: base, the 优秀 cap (floor(n × quota), at least 1 when n ≥ 1), grades given and feedback. Roles: ADMIN.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not ADMIN"), @ApiResponse(responseCode = "422", description = "Unknown region or year")})
  Mono<Evaluations.Overview> overview(@RequestParam(required = false) Integer year, @RequestParam String regionCode) {
    return evaluations.overview(Years.of(year, coverage.thisYear()), regionCode);
  }

  @PostMapping("/api/commissioner-evaluations")
  @Operation(summary = "Grade a commissioner for a year (优秀/称职/不称职), once; 优秀 within the quota; 不称职 exits the commissioner (never a ban). Roles: ADMIN.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not ADMIN"), @ApiResponse(responseCode = "404", description = "No such commissioner"),
          @ApiResponse(responseCode = "409", description = "Already graded for the year, or not active"),
          @ApiResponse(responseCode = "422", description = "优秀 quota exhausted")})
  Mono<Evaluations.Result> grade(Actor actor, @Valid @RequestBody Forms.EvaluationForm form) {
    return evaluations.grade(actor, form);
  }

  @GetMapping("/api/commissioner-evaluation-results")
  @Operation(summary = "Evaluation results fed back to the dispatching unit: its commissioners' grades. Roles: members of the employer, ADMIN.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not a member of the employer")})
  Flux<Evaluations.Result> results(Actor actor, @RequestParam UUID employerId, @RequestParam(required = false) Integer year) {
    return evaluations.dispatched(actor, employerId, year == null ? null : Years.of(year, year));
  }

  @GetMapping("/api/villages")
  @Operation(summary = "Villages (reference data) with poor-village flag and number of active commissioners. Roles: public.",
      responses = {@ApiResponse(responseCode = "200")})
  Flux<Coverage.VillageView> villages(@RequestParam(required = false) String countyCode) {
    return coverage.villages(countyCode);
  }

  @GetMapping("/api/commissioner-statistics")
  @Operation(summary = "Public aggregates: active commissioners by type, new this year, 三区人才, teams, demonstration bases, village and poor-village coverage by county, each against the city's targets. Roles: public.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "422", description = "year out of 2000..2100")})
  Mono<Coverage.Statistics> statistics(@RequestParam(required = false) Integer year) {
    return coverage.statistics(Years.of(year, coverage.thisYear()));
  }

  @GetMapping("/api/commissioner-teams")
  @Operation(summary = "Commissioner teams with their active members. Roles: public.", responses = {@ApiResponse(responseCode = "200")})
  Flux<Coverage.TeamView> teams() {
    return coverage.teams();
  }

  @PostMapping("/api/commissioner-teams")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Register a team of at least 3 active commissioners. Roles: ADMIN.",
      responses = {@ApiResponse(responseCode = "201"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not ADMIN"),
          @ApiResponse(responseCode = "422", description = "Fewer than 3 members, or a member not active")})
  Mono<Coverage.TeamView> createTeam(Actor actor, @Valid @RequestBody Forms.TeamForm form) {
    return coverage.createTeam(actor, form);
  }

  @GetMapping("/api/commissioner-demonstration-bases")
  @Operation(summary = "Demonstration bases (科技示范基地). Roles: public.", responses = {@ApiResponse(responseCode = "200")})
  Flux<Coverage.BaseView> bases() {
    return coverage.bases();
  }

  @PostMapping("/api/commissioner-demonstration-bases")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Register a demonstration base. Roles: ADMIN.",
      responses = {@ApiResponse(responseCode = "201"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not ADMIN"), @ApiResponse(responseCode = "422", description = "Unknown region, village or team")})
  Mono<Coverage.BaseView> createBase(Actor actor, @Valid @RequestBody Forms.BaseForm form) {
    return coverage.createBase(actor, form);
  }
}
