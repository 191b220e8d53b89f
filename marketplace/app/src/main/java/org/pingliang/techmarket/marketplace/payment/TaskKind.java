package org.pingliang.techmarket.marketplace.payment;

import java.util.UUID;

/** One Stripe POST a payment needs; its idempotency key is derived from the contract, milestone and step. */
enum TaskKind {
  CREATE_INTENT("pi"),
  TRANSFER_SELLER("tr-seller"),
  TRANSFER_BROKER("tr-broker"),
  CANCEL_INTENT("pi-cancel"),
  REFUND("re");

  private final String step;

  TaskKind(String step) {
    this.step = step;
  }

  /** E.g. {@code pi:{contractId}:{milestoneId}:v1}: the same step of the same milestone is one Stripe object. */
  String idempotencyKey(UUID contractId, UUID milestoneId) {
    return step + ":" + contractId + ":" + milestoneId + ":v1";
  }
}
