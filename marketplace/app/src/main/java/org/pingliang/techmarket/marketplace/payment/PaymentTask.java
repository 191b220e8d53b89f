package org.pingliang.techmarket.marketplace.payment;

import java.time.Instant;
import java.util.UUID;

/** A durable Stripe call: what to do, its idempotency key, and how the attempts went. */
record PaymentTask(
    UUID id,
    UUID paymentId,
    TaskKind kind,
    String idempotencyKey,
    long amountFen,
    String status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    String stripeObjectId) {

  static final String PENDING = "PENDING";
  static final String RETRYING = "RETRYING";
  static final String DONE = "DONE";
  static final String FAILED = "FAILED";
}
