package org.pingliang.techmarket.marketplace.payment;

import java.time.Duration;

/** The wait before attempt n+1 of a Stripe call: doubling from the first backoff up to a ceiling. */
record Backoff(Duration first, Duration max) {

  Duration after(int failedAttempts) {
    var doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
    var millis = first.toMillis() * (1L << doublings);
    return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
  }
}
