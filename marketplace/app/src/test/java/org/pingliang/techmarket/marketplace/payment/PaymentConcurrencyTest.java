package org.pingliang.techmarket.marketplace.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.deal.ContractLedger.PayableContract;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** A double-clicked pay creates one PaymentIntent, with or without the same Idempotency-Key. */
class PaymentConcurrencyTest extends PaymentApiTest {

  private List<EntityExchangeResult<byte[]>> twoClicks(PayableContract contract, java.util.UUID milestone,
      String firstKey, String secondKey) throws Exception {
    var client = as("enterprise");
    var start = new CountDownLatch(1);
    try (var pool = Executors.newFixedThreadPool(2)) {
      var clicks = java.util.stream.Stream.of(firstKey, secondKey).map(key -> CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        var request = client.post().uri("/api/contracts/{c}/milestones/{m}/payment", contract.contractId(), milestone);
        if (key != null) {
          request = request.header("Idempotency-Key", key);
        }
        return request.exchange().expectBody().returnResult();
      }, pool)).toList();
      start.countDown();
      return clicks.stream().map(CompletableFuture::join).toList();
    }
  }

  private void assertOnePaymentIntent(PayableContract contract, java.util.UUID milestone,
      List<EntityExchangeResult<byte[]>> clicks) {
    assertThat(clicks).extracting(result -> result.getStatus().value()).containsExactlyInAnyOrder(201, 200);
    var payment = awaitStatus(contract, milestone, "AWAITING_PAYMENT");
    assertThat(stripeObjects("payment_intent", contract)).singleElement()
        .satisfies(intent -> assertThat(intent.get("id")).isEqualTo(payment.get("paymentIntentId")));
  }

  @Test
  void two_clicks_without_a_key_make_one_payment_intent() throws Exception {
    var contract = contract(parties(), 0, 20_000L);
    var milestone = PaymentTestContracts.milestoneIds(contract).getFirst();
    assertOnePaymentIntent(contract, milestone, twoClicks(contract, milestone, null, null));
  }

  @Test
  void two_clicks_with_the_same_key_make_one_payment_intent() throws Exception {
    var contract = contract(parties(), 0, 20_000L);
    var milestone = PaymentTestContracts.milestoneIds(contract).getFirst();
    var key = "click-" + milestone;
    assertOnePaymentIntent(contract, milestone, twoClicks(contract, milestone, key, key));
  }

  @Test
  void a_key_used_for_one_milestone_cannot_pay_another() {
    var contract = contract(parties(), 0, 20_000L, 30_000L);
    var ids = PaymentTestContracts.milestoneIds(contract);
    var key = "reused-" + ids.getFirst();
    as("enterprise").post().uri("/api/contracts/{c}/milestones/{m}/payment", contract.contractId(), ids.get(0))
        .header("Idempotency-Key", key).exchange().expectStatus().isCreated();
    as("enterprise").post().uri("/api/contracts/{c}/milestones/{m}/payment", contract.contractId(), ids.get(0))
        .header("Idempotency-Key", key).exchange().expectStatus().isOk();
    problem(as("enterprise").post().uri("/api/contracts/{c}/milestones/{m}/payment", contract.contractId(), ids.get(1))
        .header("Idempotency-Key", key).exchange(), org.springframework.http.HttpStatus.CONFLICT, "conflict");
    assertThat(stripeObjects("payment_intent", contract)).hasSize(1);
  }
}
