package org.pingliang.techmarket.marketplace.payment;

import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * PaymentIntents for other features that take card money into the platform (checkout orders), over
 * the same Stripe client, stub and webhook endpoint as milestone payments. Callers keep their own
 * durable task with a stable idempotency key and call again with it after a failure that may pass;
 * {@code payment_intent.succeeded} comes back through their {@link PaymentIntentListener}.
 */
public interface CardIntents {

  /**
   * Creates (or, with the same key, finds again) a PaymentIntent in the platform's account.
   *
   * @param metadata must carry the listener's {@link PaymentIntentListener#metadataKey()} so the
   *     webhook reaches it
   */
  Mono<Intent> create(long amountFen, String currency, String transferGroup, String description,
      Map<String, String> metadata, String idempotencyKey);

  /** Cancels an unpaid PaymentIntent. */
  Mono<Void> cancel(String paymentIntentId, String idempotencyKey);

  record Intent(String id, String clientSecret, String status) {}

  /** Stripe did not do it; {@code retryable} when trying again later may succeed. */
  final class Failure extends RuntimeException {

    private final boolean retryable;

    Failure(String message, boolean retryable, Throwable cause) {
      super(message, cause, false, false);
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }
}
