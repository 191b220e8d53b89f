package org.pingliang.techmarket.marketplace.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.payment.stub.StripeStub;

/**
 * The stripe-java adapter speaking real HTTP to the stub: idempotency keys, timeouts, Stripe's
 * errors and which of them are worth a retry.
 */
class StripePaymentsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private StripeStub stub;
  private StripePayments stripe;

  @BeforeEach
  void start() throws Exception {
    stub = StripeStub.start(0);
    stripe = gateway("sk_test_unit");
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  private StripePayments gateway(String key) {
    return new StripePayments(StripePayments.client(key, stub.baseUrl(), TIMEOUT), TIMEOUT,
        new PaymentProperties.Onboarding("http://localhost/done", "http://localhost/refresh"));
  }

  private static StripeGateway.IntentOrder order(long amount) {
    return new StripeGateway.IntentOrder(amount, "cny", List.of("card", "alipay", "wechat_pay"), "contract:c1",
        "milestone 1", Map.of("contract_id", "c1", "milestone_id", "m1"));
  }

  @Test
  void the_same_idempotency_key_gets_the_same_payment_intent() {
    var first = stripe.createPaymentIntent(order(12_345), "pi:c1:m1:v1").block();
    var again = stripe.createPaymentIntent(order(12_345), "pi:c1:m1:v1").block();

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(first.clientSecret()).startsWith(first.id() + "_secret_");
    assertThat(stub.objects("payment_intent")).singleElement().satisfies(intent -> {
      assertThat(intent.get("amount")).isEqualTo(12_345L);
      assertThat(intent.get("payment_method_types")).isEqualTo(List.of("card", "alipay", "wechat_pay"));
      assertThat(intent.get("metadata")).isEqualTo(Map.of("contract_id", "c1", "milestone_id", "m1"));
    });
  }

  @Test
  void an_answer_lost_to_a_timeout_is_recovered_by_retrying_with_the_same_key() {
    stub.stallNextPosts(1, Duration.ofSeconds(5));

    assertThatThrownBy(() -> stripe.createPaymentIntent(order(500), "pi:c2:m1:v1").block())
        .isInstanceOfSatisfying(StripeFailure.class, failure -> assertThat(failure.retryable()).isTrue());
    // Stripe did create it; the retry gets that one back instead of charging twice.
    var retried = stripe.createPaymentIntent(order(500), "pi:c2:m1:v1").block();

    assertThat(stub.objects("payment_intent")).singleElement()
        .satisfies(intent -> assertThat(intent.get("id")).isEqualTo(retried.id()));
  }

  @Test
  void stripe_errors_say_whether_a_retry_can_help() {
    stub.failNextPosts(1);
    assertThatThrownBy(() -> stripe.createPaymentIntent(order(500), "pi:c3:m1:v1").block())
        .isInstanceOfSatisfying(StripeFailure.class, failure -> assertThat(failure.retryable()).isTrue());
    assertThat(stub.objects("payment_intent")).isEmpty();

    stripe.createPaymentIntent(order(500), "pi:c3:m1:v1").block();
    assertThatThrownBy(() -> stripe.createPaymentIntent(order(501), "pi:c3:m1:v1").block())
        .as("a key reused with other parameters")
        .isInstanceOfSatisfying(StripeFailure.class, failure -> {
          assertThat(failure.retryable()).isFalse();
          assertThat(failure.getMessage()).contains("idempotency_error");
        });
    assertThatThrownBy(() -> stripe.createTransfer(new StripeGateway.TransferOrder(100, "cny", "acct_missing",
        "contract:c3", null, Map.of()), "tr-seller:c3:m1:v1").block())
        .isInstanceOfSatisfying(StripeFailure.class, failure -> assertThat(failure.retryable()).isFalse());
    assertThatThrownBy(() -> gateway("rk_wrong").createPaymentIntent(order(500), "pi:c4:m1:v1").block())
        .isInstanceOfSatisfying(StripeFailure.class, failure -> assertThat(failure.retryable()).isFalse());
  }

  @Test
  void accounts_links_transfers_and_refunds_go_through() {
    var account = stripe.createAccount(UUID.randomUUID(), "acct:o1:v1").block();
    assertThat(account.payoutsEnabled()).isFalse();
    assertThat(stripe.createOnboardingLink(account.accountId(), "link:1").block()).contains(account.accountId());
    stub.completeOnboarding(account.accountId());
    assertThat(stripe.account(account.accountId()).block().payoutsEnabled()).isTrue();

    var intent = stripe.createPaymentIntent(order(10_000), "pi:c5:m1:v1").block();
    var charge = (String) stub.confirm(intent.id()).get("latest_charge");
    stripe.createTransfer(new StripeGateway.TransferOrder(9_000, "cny", account.accountId(), "contract:c1", charge,
        Map.of()), "tr-seller:c5:m1:v1").block();
    assertThatThrownBy(() -> stripe.createTransfer(new StripeGateway.TransferOrder(1_001, "cny", account.accountId(),
        "contract:c1", charge, Map.of()), "tr-broker:c5:m1:v1").block())
        .as("transfers from a charge cannot exceed it").isInstanceOf(StripeFailure.class);
    stripe.refund(intent.id(), 1_000, "re:c5:m1:v1").block();

    assertThat(stub.objects("transfer")).singleElement().satisfies(t -> assertThat(t.get("source_transaction")).isEqualTo(charge));
    assertThat(stub.objects("refund")).singleElement().satisfies(r -> assertThat(r.get("amount")).isEqualTo(1_000L));
  }
}
