package org.pingliang.techmarket.marketplace.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.payment.stub.StripeStub;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/stripe/webhooks: signed by Stripe's scheme, applied once per event id. */
class StripeWebhookTest extends PaymentApiTest {

  private static final String SECRET = "whsec_local_stub";

  @Autowired
  JsonMapper json;

  private String event(String type, Map<String, Object> object) {
    var event = new LinkedHashMap<String, Object>();
    event.put("id", "evt_test_" + UUID.randomUUID().toString().replace("-", ""));
    event.put("object", "event");
    event.put("type", type);
    event.put("created", Instant.now().getEpochSecond());
    event.put("data", Map.of("object", object));
    return json.writeValueAsString(event);
  }

  private WebTestClient.ResponseSpec deliver(String payload, String signature) {
    var request = http.post().uri("/api/stripe/webhooks").contentType(MediaType.APPLICATION_JSON);
    if (signature != null) {
      request = request.header("Stripe-Signature", signature);
    }
    return request.bodyValue(payload).exchange();
  }

  private static String signed(String payload) {
    return StripeStub.signature(payload, SECRET, Instant.now().getEpochSecond());
  }

  @Test
  void a_bad_missing_or_stale_signature_is_a_400_problem_and_changes_nothing() {
    var parties = parties();
    var contract = contract(parties, 0, 10_000L);
    var milestone = PaymentTestContracts.milestoneIds(contract).getFirst();
    var requested = pay(contract, milestone);
    var payload = event("payment_intent.succeeded", Map.of("id", requested.get("paymentIntentId"),
        "object", "payment_intent", "latest_charge", "ch_forged",
        "metadata", Map.of("payment_id", requested.get("id"))));

    problem(deliver(payload, StripeStub.signature(payload, "whsec_guessed", Instant.now().getEpochSecond())),
        HttpStatus.BAD_REQUEST, "malformed-request");
    problem(deliver(payload, null), HttpStatus.BAD_REQUEST, "malformed-request");
    problem(deliver(payload, StripeStub.signature(payload, SECRET, Instant.now().minusSeconds(3_600).getEpochSecond())),
        HttpStatus.BAD_REQUEST, "malformed-request");
    problem(deliver(payload.replace("ch_forged", "ch_altered"), signed(payload)), HttpStatus.BAD_REQUEST,
        "malformed-request");

    assertThat(payment(contract, milestone).get("status")).isEqualTo("AWAITING_PAYMENT");
  }

  @Test
  void a_replayed_webhook_changes_nothing() {
    var parties = parties();
    var contract = contract(parties, 200, 10_000L);
    var milestone = PaymentTestContracts.milestoneIds(contract).getFirst();
    var requested = pay(contract, milestone);
    var payload = event("payment_intent.succeeded", Map.of("id", requested.get("paymentIntentId"),
        "object", "payment_intent", "status", "succeeded", "latest_charge", "ch_test_1",
        "metadata", Map.of("payment_id", requested.get("id"))));

    deliver(payload, signed(payload)).expectStatus().isOk().expectBody()
        .jsonPath("$.received").isEqualTo(true).jsonPath("$.duplicate").isEqualTo(false);
    var funded = payment(contract, milestone);
    assertThat(funded.get("status")).isEqualTo("FUNDED");

    for (var i = 0; i < 3; i++) {
      deliver(payload, signed(payload)).expectStatus().isOk().expectBody().jsonPath("$.duplicate").isEqualTo(true);
    }
    var after = payment(contract, milestone);
    assertThat(after.get("version")).isEqualTo(funded.get("version"));
    assertThat(after.get("status")).isEqualTo("FUNDED");
    assertThat(eventTypes(UUID.fromString((String) funded.get("id"))))
        .containsExactly("PaymentRequested", "PaymentIntentCreated", "PaymentFunded");
  }

  @Test
  void account_updated_records_what_the_account_may_do_and_unknown_events_are_acknowledged() {
    var admin = as("admin");
    var seller = org.pingliang.techmarket.marketplace.listing.ListingTestData.organisation(as("university"), admin,
        "UNIVERSITY", false);
    var opened = as("university").post().uri("/api/organisations/{id}/payout-account", seller).exchange()
        .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    var account = (String) opened.get("stripeAccountId");
    assertThat(opened.get("chargesEnabled")).isEqualTo(false);

    var payload = event("account.updated", Map.of("id", account, "object", "account", "charges_enabled", true,
        "payouts_enabled", false, "details_submitted", true));
    deliver(payload, signed(payload)).expectStatus().isOk();
    var other = event("customer.created", Map.of("id", "cus_1", "object", "customer"));
    deliver(other, signed(other)).expectStatus().isOk().expectBody().jsonPath("$.duplicate").isEqualTo(false);

    as("university").get().uri("/api/organisations/{id}/payout-account", seller).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.chargesEnabled").isEqualTo(true)
        .jsonPath("$.payoutsEnabled").isEqualTo(false)
        .jsonPath("$.detailsSubmitted").isEqualTo(true);
  }
}
