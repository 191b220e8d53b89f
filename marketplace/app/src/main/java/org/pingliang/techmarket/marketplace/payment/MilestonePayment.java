package org.pingliang.techmarket.marketplace.payment;

import java.time.Instant;
import java.util.UUID;

/** One milestone's payment as stored. */
record MilestonePayment(
    UUID id,
    UUID contractId,
    UUID milestoneId,
    UUID buyerOrganisationId,
    UUID sellerOrganisationId,
    UUID brokerOrganisationId,
    String currency,
    Split split,
    int platformFeeBps,
    int commissionBps,
    PaymentStatus status,
    String paymentIntentId,
    String clientSecret,
    String chargeId,
    String requestedBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** Stripe's name for everything that moves money of one contract. */
  String transferGroup() {
    return "contract:" + contractId;
  }

  long amountFen() {
    return split.amountFen();
  }
}
