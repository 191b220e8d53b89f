package org.pingliang.techmarket.marketplace.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 付款: milestone payments held by the platform and released on acceptance. */
@RestController
@Tag(name = "payments", description = "付款 — milestone payments through Stripe")
class MilestonePaymentsController {

  private final RequestingPayments payments;

  MilestonePaymentsController(RequestingPayments payments) {
    this.payments = payments;
  }

  @PostMapping("/api/contracts/{contractId}/milestones/{milestoneId}/payment")
  @Operation(summary = "Pay a milestone into the platform: one PaymentIntent per milestone (201 the first time, 200 after), its clientSecret for Stripe.js; a step RETRYING means Stripe is away and will be retried. Accepts Idempotency-Key. Roles: UNIVERSITY, ENTERPRISE (OWNER or EDITOR of the buyer). Errors: 401, 403, 404, 409, 422.")
  Mono<ResponseEntity<PaymentView>> pay(Actor actor, @PathVariable UUID contractId, @PathVariable UUID milestoneId,
      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
    return payments.pay(actor, contractId, milestoneId, key).map(result -> ResponseEntity
        .status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(URI.create("/api/contracts/" + contractId + "/milestones/" + milestoneId + "/payment"))
        .body(result.payment()));
  }

  @GetMapping("/api/contracts/{contractId}/milestones/{milestoneId}/payment")
  @Operation(summary = "One milestone's payment. Roles: members of the buyer, seller or broker organisation, ADMIN (404 otherwise). Errors: 401, 403, 404.")
  Mono<PaymentView> get(Actor actor, @PathVariable UUID contractId, @PathVariable UUID milestoneId) {
    return payments.ofMilestone(actor, contractId, milestoneId);
  }

  @GetMapping("/api/contracts/{contractId}/payments")
  @Operation(summary = "Every milestone payment of the contract with its split (fee, commission, seller share). Roles: members of the buyer, seller or broker organisation, ADMIN (404 otherwise). Errors: 401, 403, 404.")
  Flux<PaymentView> list(Actor actor, @PathVariable UUID contractId) {
    return payments.ofContract(actor, contractId);
  }
}
