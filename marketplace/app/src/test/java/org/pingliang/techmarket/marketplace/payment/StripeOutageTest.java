package org.pingliang.techmarket.marketplace.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.listing.ListingTestData;
import org.springframework.beans.factory.annotation.Autowired;

/** Stripe down, slow or forgetful: the work waits in a visible RETRYING state and finishes by itself. */
class StripeOutageTest extends PaymentApiTest {

  @Autowired
  TaskStore tasks;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> step(Map<String, Object> payment, String kind) {
    return ((List<Map<String, Object>>) payment.get("steps")).stream()
        .filter(step -> kind.equals(step.get("step"))).findFirst().orElseThrow();
  }

  @Test
  void a_pay_while_stripe_is_down_is_retried_with_backoff_until_the_payment_intent_exists() {
    var contract = contract(parties(), 0, 70_000L);
    var milestone = PaymentTestContracts.milestoneIds(contract).getFirst();
    stub().failNextPosts(2, "pi:" + contract.contractId());

    var requested = pay(contract, milestone);

    assertThat(requested.get("status")).isEqualTo("CREATING");
    var step = step(requested, "CREATE_INTENT");
    assertThat(step.get("status")).isEqualTo("RETRYING");
    assertThat(step.get("attempts")).isEqualTo(1);
    assertThat(Instant.parse((String) step.get("nextAttemptAt"))).isAfter(Instant.now().minusSeconds(5));
    assertThat((String) step.get("lastError")).contains("api_error");

    var ready = awaitStatus(contract, milestone, "AWAITING_PAYMENT");
    assertThat(step(ready, "CREATE_INTENT")).containsEntry("status", "DONE").containsEntry("attempts", 3);
    assertThat(stripeObjects("payment_intent", contract)).singleElement()
        .satisfies(intent -> assertThat(intent.get("id")).isEqualTo(ready.get("paymentIntentId")));
  }

  @Test
  void a_crash_between_stripe_and_the_database_is_repaired_by_the_idempotency_key() {
    var contract = contract(parties(), 0, 90_000L);
    var milestone = PaymentTestContracts.milestoneIds(contract).getFirst();
    var first = pay(contract, milestone);
    var paymentId = UUID.fromString((String) first.get("id"));

    // As if the app died after Stripe created the PaymentIntent and before the commit.
    database.sql("""
            UPDATE milestone_payments SET payment_intent_id = NULL, client_secret = NULL, status = 'CREATING'
            WHERE id = :id""").bind("id", paymentId).fetch().rowsUpdated().block();
    database.sql("UPDATE payment_tasks SET status = 'PENDING' WHERE payment_id = :id AND kind = 'CREATE_INTENT'")
        .bind("id", paymentId).fetch().rowsUpdated().block();

    var repaired = awaitStatus(contract, milestone, "AWAITING_PAYMENT");
    assertThat(repaired.get("paymentIntentId")).isEqualTo(first.get("paymentIntentId"));
    assertThat(stripeObjects("payment_intent", contract)).hasSize(1);
  }

  @Test
  void a_failed_transfer_is_retried_and_the_release_completes_with_one_transfer_each() {
    var parties = parties();
    var contract = contract(parties, 500, 120_000L);
    var milestone = PaymentTestContracts.milestoneIds(contract).getFirst();
    payAndFund(contract, milestone);
    stub().failNextPosts(1, "tr-seller:" + contract.contractId());

    accept(contract, milestone);

    var released = awaitStatus(contract, milestone, "RELEASED");
    assertThat(step(released, "TRANSFER_SELLER").get("attempts")).isEqualTo(2);
    var transfers = stripeObjects("transfer", contract);
    assertThat(transfers).hasSize(2);
    assertThat(transfers.stream().mapToLong(PaymentApiTest::amount).sum() + fen(released, "platformFee"))
        .isEqualTo(120_000L);
  }

  @Test
  void a_seller_without_a_finished_onboarding_is_paid_once_it_finishes() {
    var admin = as("admin");
    var seller = ListingTestData.organisation(as("university"), admin, "UNIVERSITY", false);
    var buyer = ListingTestData.organisation(as("enterprise"), admin, "ENTERPRISE", false);
    var contract = PaymentTestContracts.registered(context, this::as, seller, buyer, null, 0, 60_000L);
    var milestone = PaymentTestContracts.milestoneIds(contract).getFirst();
    payAndFund(contract, milestone);
    accept(contract, milestone);

    await().atMost(PATIENCE).until(() -> {
      var payment = payment(contract, milestone);
      return "RELEASING".equals(payment.get("status"))
          && "RETRYING".equals(step(payment, "TRANSFER_SELLER").get("status"))
          && String.valueOf(step(payment, "TRANSFER_SELLER").get("lastError")).contains("onboarding");
    });
    onboard("university", seller);

    await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
        .until(() -> "RELEASED".equals(payment(contract, milestone).get("status")));
    assertThat(stripeObjects("transfer", contract)).singleElement()
        .satisfies(transfer -> assertThat(amount(transfer)).isEqualTo(57_000L));
  }

  @Test
  void a_leased_task_belongs_to_one_worker_until_its_lease_runs_out() {
    var contract = contract(parties(), 0, 10_000L);
    var milestone = PaymentTestContracts.milestoneIds(contract).getFirst();
    var paymentId = UUID.fromString((String) pay(contract, milestone).get("id"));
    database.sql("UPDATE payment_tasks SET status = 'RETRYING', next_attempt_at = now() + interval '1 hour' "
        + "WHERE payment_id = :id").bind("id", paymentId).fetch().rowsUpdated().block();

    var leased = tasks.leaseNow(paymentId, TaskKind.CREATE_INTENT, "worker-a", Duration.ofMinutes(1)).block();
    assertThat(leased).isNotNull();
    assertThat(tasks.leaseNow(paymentId, TaskKind.CREATE_INTENT, "worker-b", Duration.ofMinutes(1)).block()).isNull();

    database.sql("UPDATE payment_tasks SET locked_until = now() - interval '1 second' WHERE id = :id")
        .bind("id", leased.id()).fetch().rowsUpdated().block();
    var takenOver = tasks.leaseNow(paymentId, TaskKind.CREATE_INTENT, "worker-b", Duration.ofMinutes(1)).block();
    assertThat(takenOver).isNotNull();
    assertThat(tasks.done(leased, "worker-a", "pi_late").block()).as("worker-a lost its lease").isFalse();
    assertThat(tasks.done(takenOver, "worker-b", "pi_b").block()).isTrue();
  }
}
