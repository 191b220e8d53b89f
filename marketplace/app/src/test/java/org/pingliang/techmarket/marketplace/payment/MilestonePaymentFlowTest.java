package org.pingliang.techmarket.marketplace.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A milestone paid into the platform, held, and released or refunded, against the Stripe stub. */
class MilestonePaymentFlowTest extends PaymentApiTest {

  @Test
  void a_paid_and_accepted_milestone_pays_seller_and_broker_and_keeps_the_fee() {
    var parties = parties();
    var contract = contract(parties, 300, 1_234_567L, 765_433L);
    var milestone = PaymentTestContracts.milestoneIds(contract).getFirst();

    var requested = pay(contract, milestone);
    assertThat(requested.get("status")).isEqualTo("AWAITING_PAYMENT");
    assertThat((String) requested.get("clientSecret")).contains("_secret_");
    // 5 % fee half-even, 3 % commission rounded down, the seller gets the rest.
    assertThat(fen(requested, "amount")).isEqualTo(1_234_567L);
    assertThat(fen(requested, "platformFee")).isEqualTo(61_728L);
    assertThat(fen(requested, "brokerCommission")).isEqualTo(37_037L);
    assertThat(fen(requested, "sellerShare")).isEqualTo(1_234_567L - 61_728L - 37_037L);

    var intent = stub().object((String) requested.get("paymentIntentId"));
    assertThat(intent.get("amount")).isEqualTo(1_234_567L);
    assertThat(intent.get("currency")).isEqualTo("cny");
    assertThat(intent.get("payment_method_types")).isEqualTo(List.of("card", "alipay", "wechat_pay"));
    assertThat(intent.get("transfer_group")).isEqualTo("contract:" + contract.contractId());
    assertThat(intent.get("metadata")).isEqualTo(Map.of("contract_id", contract.contractId().toString(),
        "milestone_id", milestone.toString(), "payment_id", requested.get("id")));

    stub().confirm((String) requested.get("paymentIntentId"));
    var funded = awaitStatus(contract, milestone, "FUNDED");
    assertThat(stripeObjects("transfer", contract)).as("held until accepted").isEmpty();

    accept(contract, milestone);
    var released = awaitStatus(contract, milestone, "RELEASED");

    var charge = stub().object((String) stub().object((String) funded.get("paymentIntentId")).get("latest_charge"));
    var transfers = stripeObjects("transfer", contract);
    assertThat(transfers).hasSize(2).allSatisfy(transfer -> {
      assertThat(transfer.get("source_transaction")).isEqualTo(charge.get("id"));
      assertThat(transfer.get("currency")).isEqualTo("cny");
    });
    var toSeller = transfers.stream().filter(t -> parties.sellerAccount().equals(t.get("destination"))).toList();
    var toBroker = transfers.stream().filter(t -> parties.brokerAccount().equals(t.get("destination"))).toList();
    assertThat(toSeller).singleElement().extracting(PaymentApiTest::amount).isEqualTo(fen(released, "sellerShare"));
    assertThat(toBroker).singleElement().extracting(PaymentApiTest::amount).isEqualTo(fen(released, "brokerCommission"));
    var transferred = transfers.stream().mapToLong(PaymentApiTest::amount).sum();
    assertThat(transferred + fen(released, "platformFee")).isEqualTo(amount(charge)).isEqualTo(1_234_567L);

    assertThat(eventTypes(UUID.fromString((String) released.get("id")))).containsExactly("PaymentRequested",
        "PaymentIntentCreated", "PaymentFunded", "PaymentReleaseStarted", "PaymentReleased");

    // The contract feature telling us again changes nothing.
    hooks.milestoneAccepted(contract.contractId(), milestone).as(transaction::transactional).block();
    assertThat(payment(contract, milestone).get("version")).isEqualTo(released.get("version"));
    assertThat(stripeObjects("transfer", contract)).hasSize(2);
  }

  @Test
  void acceptance_before_the_money_releases_as_soon_as_it_arrives() {
    var parties = parties();
    var contract = contract(parties, 0, 50_000L);
    var milestone = PaymentTestContracts.milestoneIds(contract).getFirst();
    accept(contract, milestone);

    var requested = pay(contract, milestone);
    stub().confirm((String) requested.get("paymentIntentId"));
    var released = awaitStatus(contract, milestone, "RELEASED");

    var transfers = stripeObjects("transfer", contract);
    assertThat(transfers).singleElement().satisfies(transfer -> {
      assertThat(transfer.get("destination")).isEqualTo(parties.sellerAccount());
      assertThat(amount(transfer)).isEqualTo(47_500L);
    });
    assertThat(fen(released, "brokerCommission")).isZero();
    assertThat(amount(transfers.getFirst()) + fen(released, "platformFee")).isEqualTo(50_000L);
  }

  @Test
  void termination_refunds_held_money_cancels_unpaid_intents_and_leaves_released_money_alone() {
    var parties = parties();
    var contract = contract(parties, 1_000, 100_000L, 200_000L, 300_000L);
    var ids = PaymentTestContracts.milestoneIds(contract);
    payAndFund(contract, ids.get(0));
    accept(contract, ids.get(0));
    awaitStatus(contract, ids.get(0), "RELEASED");
    payAndFund(contract, ids.get(1));
    var unpaid = pay(contract, ids.get(2));

    terminate(contract);

    awaitStatus(contract, ids.get(1), "REFUNDED");
    awaitStatus(contract, ids.get(2), "CANCELLED");
    var refunds = stripeObjects("refund", contract);
    assertThat(refunds).singleElement().extracting(PaymentApiTest::amount).isEqualTo(200_000L);
    assertThat(stub().object((String) unpaid.get("paymentIntentId")).get("status")).isEqualTo("canceled");
    assertThat(payment(contract, ids.get(0)).get("status")).isEqualTo("RELEASED");
    assertThat(stripeObjects("transfer", contract)).hasSize(2);

    requestPayment("enterprise", contract, ids.get(2)).expectStatus().isEqualTo(409);
  }

  @Test
  void money_that_arrives_after_termination_goes_back() {
    var parties = parties();
    var contract = contract(parties, 0, 80_000L);
    var milestone = PaymentTestContracts.milestoneIds(contract).getFirst();
    var requested = pay(contract, milestone);
    var intentId = (String) requested.get("paymentIntentId");
    // The buyer pays at Stripe while the termination is being recorded: the cancel comes too late.
    stub().confirm(intentId);
    terminate(contract);

    awaitStatus(contract, milestone, "REFUNDED");
    assertThat(stripeObjects("refund", contract)).singleElement().extracting(PaymentApiTest::amount).isEqualTo(80_000L);
  }
}
