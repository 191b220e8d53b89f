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

  /** Task statuses: PENDING, RETRYING (with next_attempt_at), DONE, FAILED (last_error says why). */
  static final String DONE = "DONE";
}
