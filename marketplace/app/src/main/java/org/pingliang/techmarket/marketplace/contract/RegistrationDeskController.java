package org.pingliang.techmarket.marketplace.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.PageSize;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The registration desk (技术合同认定登记): the queue, registration with a number, and 未予登记. */
@RestController
@Tag(name = "registrations", description = "技术合同认定登记 — contract registration desk")
@SecurityRequirement(name = "keycloak")
class RegistrationDeskController {

  private final ManagingContracts contracts;

  RegistrationDeskController(ManagingContracts contracts) {
    this.contracts = contracts;
  }

  @GetMapping("/api/registrations")
  @Operation(summary = "Contracts at the registration desk in a status (default SUBMITTED), oldest submission first. Roles: ADMIN.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "400", description = "Unknown status"),
          @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not ADMIN"),
          @ApiResponse(responseCode = "422", description = "size out of 1..100")})
  Flux<ContractView> queue(@RequestParam(required = false) ContractStatus status,
      @RequestParam(required = false) Integer size) {
    return contracts.registrationDesk(status == null ? ContractStatus.SUBMITTED : status, PageSize.of(size))
        .map(ContractRecords.Details::view);
  }

  @PostMapping("/api/contracts/{id}/registration")
  @Operation(summary = "Register a submitted contract: issues the 16-digit registration number (year + seller's county code + sequence) and stores the rule-set version. Roles: ADMIN.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not ADMIN (parties see the contract but cannot register it)"),
          @ApiResponse(responseCode = "404", description = "No such contract, or not submitted"),
          @ApiResponse(responseCode = "409", description = "Stale version or not submitted")})
  Mono<ResponseEntity<ContractView>> register(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ContractActionForm body) {
    return contracts.register(actor, id, ContractsController.version(ifMatch, body)).map(ContractsController::withEtag);
  }

  @PostMapping("/api/contracts/{id}/rejection")
  @Operation(summary = "Refuse registration (未予登记) with a reason. Roles: ADMIN.",
      responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401", description = "No or invalid token"),
          @ApiResponse(responseCode = "403", description = "Not ADMIN"),
          @ApiResponse(responseCode = "404", description = "No such contract, or not submitted"),
          @ApiResponse(responseCode = "409", description = "Stale version or not submitted"),
          @ApiResponse(responseCode = "422", description = "Reason missing")})
  Mono<ResponseEntity<ContractView>> reject(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ContractActionForm body) {
    var request = body == null ? ContractActionForm.NONE : body;
    return contracts.reject(actor, id, ContractsController.version(ifMatch, request), request.reason())
        .map(ContractsController::withEtag);
  }
}
