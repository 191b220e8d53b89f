package org.pingliang.techmarket.marketplace.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Stripe's webhook endpoint: the raw body is needed as sent, for the signature. */
@RestController
@Tag(name = "stripe webhooks", description = "Stripe events (signed; no token)")
class StripeWebhookController {

  private final ApplyingStripeEvents events;

  StripeWebhookController(ApplyingStripeEvents events) {
    this.events = events;
  }

  @PostMapping(path = "/api/stripe/webhooks", consumes = "application/json")
  @Operation(summary = "Receives Stripe events signed with the endpoint's secret (Stripe-Signature); each event id is applied once. Roles: none (the signature authenticates). Errors: 400 (bad or stale signature).")
  Mono<Map<String, Object>> receive(@RequestHeader(name = "Stripe-Signature", required = false) String signature,
      @RequestBody String payload) {
    return events.receive(payload, signature)
        .map(outcome -> Map.of("received", true, "duplicate", outcome == ApplyingStripeEvents.Outcome.DUPLICATE));
  }
}
