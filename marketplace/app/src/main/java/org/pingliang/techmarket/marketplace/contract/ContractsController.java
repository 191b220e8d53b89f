package org.pingliang.techmarket.marketplace.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.PageSize;
import org.pingliang.techmarket.marketplace.listing.shared.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 技术合同: the draft the parties complete, its signatures, submission for registration, performance
 * and termination. "Party" below means a member of the seller's or the buyer's organisation.
 */
@RestController
@Tag(name = "contracts", description = "技术合同 — technology contracts")
@SecurityRequirement(name = "keycloak")
class ContractsController {

  private final ManagingContracts contracts;

  ContractsController(ManagingContracts contracts) {
    this.contracts = contracts;
  }

  @GetMapping("/api/contracts")
  @Operation(summary = "The caller's contracts (of organisations they belong to, or that they broker), most recently changed first. Roles: any signed-in user.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "422", description = "size out of 1..100")})
  Flux<ContractView> mine(Actor actor, @RequestParam(required = false) Integer size) {
    return contracts.mine(actor, PageSize.of(size)).map(ContractRecords.Details::view);
  }

  @GetMapping("/api/contracts/{id}")
  @Operation(summary = "One contract with its ETag. Roles: members of either party, the contract's broker; ADMIN once it was submitted for registration.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "404", description = "No such contract, or not visible to the caller")})
  Mono<ResponseEntity<ContractView>> get(Actor actor, @PathVariable UUID id) {
    return contracts.view(actor, id).map(ContractsController::withEtag);
  }

  @PutMapping("/api/contracts/{id}")
  @Operation(summary = "Replace the registration fields of a draft (type, deductions for 技术交易额, technology field, IP, plan source, validity, milestones). Needs If-Match or version. Roles: OWNER or EDITOR of either party.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "400", description = "Malformed JSON or unknown fields"),
          @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "A party's MEMBER, or the broker"),
          @ApiResponse(responseCode = "404", description = "No such contract, or not visible to the caller"),
          @ApiResponse(responseCode = "409", description = "Stale version, or the contract is no longer a draft"),
          @ApiResponse(responseCode = "422", description = "A rule is broken, e.g. deductions above the total")})
  Mono<ResponseEntity<ContractView>> edit(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody ContractForm form) {
    var version = Versions.required(ifMatch, form.version());
    return contracts.edit(actor, id, version, form.toTerms(), form.schedule()).map(ContractsController::withEtag);
  }

  @PostMapping("/api/contracts/{id}/signature-request")
  @Operation(summary = "Freeze a complete draft and send it for signature (待签署). Roles: OWNER or EDITOR of either party.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "A party's MEMBER, or the broker"),
          @ApiResponse(responseCode = "404", description = "No such contract, or not visible to the caller"),
          @ApiResponse(responseCode = "409", description = "Stale version or not a draft"),
          @ApiResponse(responseCode = "422", description = "Registration fields missing (listed in errors)")})
  Mono<ResponseEntity<ContractView>> requestSignatures(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ContractActionForm body) {
    return contracts.requestSignatures(actor, id, version(ifMatch, body)).map(ContractsController::withEtag);
  }

  @PostMapping("/api/contracts/{id}/revision")
  @Operation(summary = "Take a contract waiting for signatures back to the draft; signatures given are dropped. Roles: OWNER or EDITOR of either party.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "A party's MEMBER, or the broker"),
          @ApiResponse(responseCode = "404", description = "No such contract, or not visible to the caller"),
          @ApiResponse(responseCode = "409", description = "Stale version or not awaiting signatures")})
  Mono<ResponseEntity<ContractView>> revise(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ContractActionForm body) {
    return contracts.revise(actor, id, version(ifMatch, body)).map(ContractsController::withEtag);
  }

  @PostMapping("/api/contracts/{id}/signatures")
  @Operation(summary = "Sign for your party; the second party's signature makes the contract SIGNED. Idempotent: signing again changes nothing. Body {party} only when you are OWNER of both. Roles: OWNER of the party.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not an OWNER of a party (MEMBER, EDITOR, broker, ADMIN)"),
          @ApiResponse(responseCode = "404", description = "No such contract, or not visible to the caller"),
          @ApiResponse(responseCode = "409", description = "Not awaiting signatures"),
          @ApiResponse(responseCode = "422", description = "OWNER of both parties without naming one")})
  Mono<ResponseEntity<ContractView>> sign(Actor actor, @PathVariable UUID id,
      @Valid @RequestBody(required = false) ContractActionForm body) {
    var request = body == null ? ContractActionForm.NONE : body;
    return contracts.sign(actor, id, request.party()).map(ContractsController::withEtag);
  }

  @PostMapping("/api/contracts/{id}/submission")
  @Operation(summary = "Submit a signed contract for registration (技术合同认定登记). Roles: OWNER or EDITOR of either party.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "A party's MEMBER, or the broker"),
          @ApiResponse(responseCode = "404", description = "No such contract, or not visible to the caller"),
          @ApiResponse(responseCode = "409", description = "Stale version or not signed")})
  Mono<ResponseEntity<ContractView>> submit(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ContractActionForm body) {
    return contracts.submit(actor, id, version(ifMatch, body)).map(ContractsController::withEtag);
  }

  @PostMapping("/api/contracts/{id}/milestones/{milestoneId}/delivery")
  @Operation(summary = "The seller delivers a pending milestone; the first delivery starts performance (履行中). Roles: OWNER or EDITOR of the seller.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not OWNER/EDITOR of the seller"),
          @ApiResponse(responseCode = "404", description = "No such contract or milestone, or not visible to the caller"),
          @ApiResponse(responseCode = "409", description = "Not registered or in performance, or the milestone is not pending")})
  Mono<ResponseEntity<ContractView>> deliver(Actor actor, @PathVariable UUID id, @PathVariable UUID milestoneId) {
    return contracts.deliver(actor, id, milestoneId).map(ContractsController::withEtag);
  }

  @PostMapping("/api/contracts/{id}/milestones/{milestoneId}/acceptance")
  @Operation(summary = "The buyer accepts a delivered milestone (payments then release its funds); the last acceptance completes the contract. Roles: OWNER of the buyer.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not OWNER of the buyer"),
          @ApiResponse(responseCode = "404", description = "No such contract or milestone, or not visible to the caller"),
          @ApiResponse(responseCode = "409", description = "Not in performance, or the milestone is not delivered")})
  Mono<ResponseEntity<ContractView>> accept(Actor actor, @PathVariable UUID id, @PathVariable UUID milestoneId) {
    return contracts.accept(actor, id, milestoneId).map(ContractsController::withEtag);
  }

  @PostMapping("/api/contracts/{id}/termination")
  @Operation(summary = "End the contract, with a reason. Before signing an OWNER of either party ends it alone; once signed both parties' OWNERs must agree (the second consent terminates), or an ADMIN registrar terminates it. Held funds are refunded. Roles: OWNER of a party, ADMIN.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not an OWNER of a party, nor ADMIN"),
          @ApiResponse(responseCode = "404", description = "No such contract, or not visible to the caller"),
          @ApiResponse(responseCode = "409", description = "Stale version, submitted, completed or already terminated"),
          @ApiResponse(responseCode = "422", description = "Reason missing")})
  Mono<ResponseEntity<ContractView>> terminate(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ContractActionForm body) {
    var request = body == null ? ContractActionForm.NONE : body;
    return contracts.terminate(actor, id, version(ifMatch, request), request.reason()).map(ContractsController::withEtag);
  }

  static Long version(String ifMatch, ContractActionForm body) {
    return Versions.expected(ifMatch, body == null ? null : body.version());
  }

  static ResponseEntity<ContractView> withEtag(ContractRecords.Details details) {
    return ResponseEntity.ok().eTag(Versions.etag(details.contract().version())).body(details.view());
  }
}
