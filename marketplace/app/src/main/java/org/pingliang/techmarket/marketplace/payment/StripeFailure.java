package org.pingliang.techmarket.marketplace.payment;

/**
 * A Stripe call that did not succeed. Retryable ones (no answer, timeout, 5xx, 429, a concurrent
 * request with the same idempotency key) are tried again later; the rest need a person.
 */
class StripeFailure extends RuntimeException {

  private final boolean retryable;

  StripeFailure(String message, boolean retryable, Throwable cause) {
    super(message, cause, false, false);
    this.retryable = retryable;
  }

  boolean retryable() {
    return retryable;
  }
}
