package org.pingliang.techmarket.marketplace.voucher;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;

/** The card part of an order and the state of its durable PaymentIntent task. */
record CardPayment(
    UUID orderId,
    long amountFen,
    String currency,
    String idempotencyKey,
    String status,
    String paymentIntentId,
    String clientSecret,
    int attempts,
    Instant nextAttemptAt,
    String lastError) {

  static CardPayment read(Readable row) {
    return new CardPayment(row.get("order_id", UUID.class), row.get("amount_fen", Long.class),
        row.get("currency", String.class), row.get("idempotency_key", String.class), row.get("status", String.class),
        row.get("payment_intent_id", String.class), row.get("client_secret", String.class),
        row.get("attempts", Integer.class), row.get("next_attempt_at", Instant.class),
        row.get("last_error", String.class));
  }

  static String keyOf(UUID orderId) {
    return "pi:order:" + orderId + ":v1";
  }
}
