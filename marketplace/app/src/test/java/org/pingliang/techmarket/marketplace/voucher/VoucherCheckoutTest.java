package org.pingliang.techmarket.marketplace.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.payment.stub.StripeStub;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Buying a provider's service: voucher first, card for the rest, delivery, confirmation, reimbursement. */
class VoucherCheckoutTest extends VoucherApiTest {

  @Autowired
  ApplicationContext context;

  StripeStub stub() {
    // The payment feature's holder is package-private; its one component is the stub.
    var holder = context.getBean("stripeStub");
    try {
      var accessor = holder.getClass().getDeclaredMethod("stub");
      accessor.setAccessible(true);
      return (StripeStub) accessor.invoke(holder);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_voucher_pays_the_whole_order_then_delivery_confirmation_and_reimbursement_balance_the_ledger() {
    var parties = parties();
    var voucher = voucher(parties.buyer(), 100_000L);
    var service = service(parties.provider(), 80_000L);
    var ordered = order(service, parties.buyer());
    assertThat(ordered.get("status")).isEqualTo("ORDERED");
    var order = orderId(ordered);

    var paid = redeem("enterprise", order, voucher, null).expectStatus().isCreated().expectBody(JSON).returnResult()
        .getResponseBody();
    assertThat(paid.get("status")).isEqualTo("PAID");
    assertThat(fen(paid, "voucherAmount")).isEqualTo(80_000L);
    assertThat(fen(paid, "cardAmount")).isZero();
    assertThat(fen(voucherView(voucher), "balance")).isEqualTo(20_000L);
    var serviceOrderId = UUID.fromString((String) ordered.get("id"));
    assertThat(serviceOrder(serviceOrderId).get("status")).isEqualTo("PAID");

    // Nothing to claim before delivery is confirmed.
    problem(claim(parties.provider()), HttpStatus.CONFLICT, "conflict");
    as("commissioner").post().uri("/api/service-orders/{id}/delivery", serviceOrderId).exchange().expectStatus().isOk();
    as("enterprise").post().uri("/api/service-orders/{id}/confirmation", serviceOrderId).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");

    var claim = claim(parties.provider()).expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    assertThat(fen(claim, "amount")).isEqualTo(80_000L);
    assertThat(claim.get("orderIds")).isEqualTo(List.of(order.toString()));
    // The same orders cannot be claimed twice.
    problem(claim(parties.provider()), HttpStatus.CONFLICT, "conflict");
    as("admin").post().uri("/api/reimbursement-claims/{id}/approval", claim.get("id")).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("APPROVED");
    problem(as("admin").post().uri("/api/reimbursement-claims/{id}/approval", claim.get("id")).exchange(),
        HttpStatus.CONFLICT, "conflict");
    assertLedgerBalances();

    var statistics = http.get().uri("/api/voucher-statistics").exchange().expectStatus().isOk().expectBody(JSON)
        .returnResult().getResponseBody();
    assertThat(fen(statistics, "redeemed")).isGreaterThanOrEqualTo(80_000L);
    assertThat(fen(statistics, "reimbursed")).isGreaterThanOrEqualTo(80_000L);
    assertThat((List<?>) statistics.get("byCounty")).isNotEmpty();
  }

  @Test
  void the_card_pays_what_the_voucher_left_through_stripe_and_a_signed_webhook_marks_the_order_paid() {
    var parties = parties();
    var voucher = voucher(parties.buyer(), 30_000L);
    var ordered = order(service(parties.provider(), 100_000L), parties.buyer());
    var order = orderId(ordered);

    var partly = redeem("enterprise", order, voucher, null).expectStatus().isCreated().expectBody(JSON).returnResult()
        .getResponseBody();
    assertThat(partly.get("status")).isEqualTo("OPEN");
    assertThat(fen(partly, "cardAmount")).isEqualTo(70_000L);

    var card = as("enterprise").post().uri("/api/orders/{id}/card-payments", order).header("Idempotency-Key", "card-" + order)
        .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    @SuppressWarnings("unchecked")
    var cardPayment = (Map<String, Object>) card.get("cardPayment");
    assertThat(cardPayment.get("status")).isEqualTo("AWAITING_PAYMENT");
    assertThat((String) cardPayment.get("clientSecret")).contains("_secret_");
    var intentId = (String) cardPayment.get("paymentIntentId");
    var intent = stub().object(intentId);
    assertThat(intent.get("amount")).isEqualTo(70_000L);
    assertThat(intent.get("currency")).isEqualTo("cny");
    assertThat(((Map<?, ?>) intent.get("metadata")).get("order_id")).isEqualTo(order.toString());

    // A second click, with the same key or none, is the same payment; no more vouchers once the card started.
    as("enterprise").post().uri("/api/orders/{id}/card-payments", order).header("Idempotency-Key", "card-" + order)
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.cardPayment.paymentIntentId").isEqualTo(intentId);
    problem(redeem("enterprise", order, voucher, null), HttpStatus.CONFLICT, "conflict");
    // The provider sees the order but not the client secret.
    as("commissioner").get().uri("/api/orders/{id}", order).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.cardPayment.clientSecret").doesNotExist().jsonPath("$.mayPay").isEqualTo(false);

    stub().confirm(intentId);
    var paid = awaitOrderStatus(order, "PAID");
    assertThat(((Map<?, ?>) paid.get("cardPayment")).get("status")).isEqualTo("SUCCEEDED");
    assertThat(serviceOrder(UUID.fromString((String) ordered.get("id"))).get("status")).isEqualTo("PAID");
    assertLedgerBalances();
  }

  @Test
  void cancelling_before_payment_returns_the_voucher_part_to_the_voucher() {
    var parties = parties();
    var voucher = voucher(parties.buyer(), 50_000L);
    var ordered = order(service(parties.provider(), 90_000L), parties.buyer());
    var order = orderId(ordered);
    redeem("enterprise", order, voucher, 20_000L).expectStatus().isCreated();
    assertThat(fen(voucherView(voucher), "balance")).isEqualTo(30_000L);

    as("enterprise").post().uri("/api/service-orders/{id}/cancellation", ordered.get("id")).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
    var cancelled = orderView(order);
    assertThat(cancelled.get("status")).isEqualTo("CANCELLED");
    assertThat(fen(cancelled, "voucherAmount")).isZero();
    assertThat(fen(voucherView(voucher), "balance")).isEqualTo(50_000L);
    problem(redeem("enterprise", order, voucher, null), HttpStatus.CONFLICT, "conflict");
    assertLedgerBalances();
  }

  @Test
  void two_concurrent_redemptions_of_the_last_balance_exactly_one_succeeds() throws Exception {
    var parties = parties();
    for (var round = 0; round < 3; round++) {
      var voucher = voucher(parties.buyer(), 40_000L);
      var service = service(parties.provider(), 40_000L);
      var first = orderId(order(service, parties.buyer()));
      var second = orderId(order(service, parties.buyer()));

      var statuses = concurrently(() -> redeem("enterprise", first, voucher, null).returnResult(String.class)
          .getStatus().value(), () -> redeem("enterprise", second, voucher, null).returnResult(String.class)
          .getStatus().value());

      assertThat(statuses).containsExactlyInAnyOrder(201, 409);
      assertThat(fen(voucherView(voucher), "balance")).isZero();
      var paid = List.of(orderView(first), orderView(second)).stream()
          .filter(order -> "PAID".equals(order.get("status"))).toList();
      assertThat(paid).singleElement().satisfies(order -> assertThat(fen(order, "voucherAmount")).isEqualTo(40_000L));
      assertLedgerBalances();
    }
  }

  @Test
  void concurrent_issuance_never_exceeds_the_budget() throws Exception {
    var buyer = smallEnterprise();
    var year = budgetWithRemaining(250_000L);
    var tasks = new java.util.ArrayList<Callable<Integer>>();
    for (var i = 0; i < 5; i++) {
      tasks.add(() -> issue(buyer, year, 100_000L).returnResult(String.class).getStatus().value());
    }
    var statuses = concurrently(tasks);
    assertThat(statuses).filteredOn(status -> status == 201).hasSize(2);
    assertThat(statuses).filteredOn(status -> status == 409).hasSize(3);
    var budget = as("admin").get().uri("/api/voucher-budgets").exchange().expectBodyList(JSON).returnResult()
        .getResponseBody().stream().filter(b -> ((Number) b.get("year")).intValue() == year).findFirst().orElseThrow();
    assertThat(fen(budget, "remaining")).isEqualTo(50_000L);
    problem(issue(buyer, year, 50_001L), HttpStatus.CONFLICT, "conflict");
    issue(buyer, year, 50_000L).expectStatus().isCreated();
    assertLedgerBalances();
  }

  @Test
  void only_eligible_small_enterprises_receive_vouchers() {
    var year = budgetWithRemaining(1_000_000L);
    var unverified = org.pingliang.techmarket.marketplace.listing.ListingTestData.organisation(as("enterprise"),
        as("admin"), "ENTERPRISE", false);
    declare(unverified, 10, 100_000L);
    problem(issue(unverified, year, 10_000L), HttpStatus.CONFLICT, "conflict");

    var undeclared = org.pingliang.techmarket.marketplace.listing.ListingTestData.organisation(as("enterprise"),
        as("admin"), "ENTERPRISE", true);
    as("enterprise").get().uri("/api/organisations/{id}/voucher-eligibility", undeclared).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.eligible").isEqualTo(false)
        .jsonPath("$.reasons[0]").isEqualTo("NO_DECLARATION");
    problem(issue(undeclared, year, 10_000L), HttpStatus.CONFLICT, "conflict");

    declare(undeclared, 501, 100_000L);
    as("admin").get().uri("/api/organisations/{id}/voucher-eligibility", undeclared).exchange()
        .expectBody().jsonPath("$.reasons[0]").isEqualTo("NOT_SMALL");
    declare(undeclared, 500, 20_000_000_000L);
    issue(undeclared, year, 10_000L).expectStatus().isCreated();

    var university = org.pingliang.techmarket.marketplace.listing.ListingTestData.organisation(as("university"),
        as("admin"), "UNIVERSITY", true);
    problem(issue(university, year, 10_000L), HttpStatus.CONFLICT, "conflict");
  }

  @Test
  void a_redemption_with_the_same_idempotency_key_is_applied_once() {
    var parties = parties();
    var voucher = voucher(parties.buyer(), 60_000L);
    var order = orderId(order(service(parties.provider(), 90_000L), parties.buyer()));
    var key = "redeem-" + UUID.randomUUID();
    for (var i = 0; i < 3; i++) {
      as("enterprise").post().uri("/api/orders/{id}/voucher-redemptions", order).header("Idempotency-Key", key)
          .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("voucherId", voucher, "amount", money(10_000L)))
          .exchange().expectStatus().isEqualTo(i == 0 ? 201 : 200);
    }
    assertThat(fen(orderView(order), "voucherAmount")).isEqualTo(10_000L);
    assertThat(fen(voucherView(voucher), "balance")).isEqualTo(50_000L);
    problem(redeem("enterprise", order, voucher, 80_001L), HttpStatus.CONFLICT, "conflict");
    assertLedgerBalances();
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec claim(UUID provider) {
    return as("commissioner").post().uri("/api/reimbursement-claims")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("providerOrganisationId", provider)).exchange();
  }

  @SafeVarargs
  private static List<Integer> concurrently(Callable<Integer>... tasks) throws Exception {
    return concurrently(List.of(tasks));
  }

  private static List<Integer> concurrently(List<Callable<Integer>> tasks) throws Exception {
    var pool = Executors.newFixedThreadPool(tasks.size());
    try {
      var start = new CountDownLatch(1);
      var futures = new java.util.ArrayList<Future<Integer>>();
      for (var task : tasks) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      var statuses = new java.util.ArrayList<Integer>();
      for (var future : futures) {
        statuses.add(future.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }
}
