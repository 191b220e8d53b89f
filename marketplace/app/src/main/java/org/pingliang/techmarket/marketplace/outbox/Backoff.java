package org.pingliang.techmarket.marketplace.outbox;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Retry pace after failed batches: the poll interval, doubled per consecutive failure up to a
 * ceiling, so a Redis or PostgreSQL outage is probed slowly and the relay resumes by itself.
 */
final class Backoff {

  private final long initialNanos;
  private final long maxNanos;
  private final LongSupplier nanoClock;
  private int failures;
  private long retryAt;

  Backoff(Duration initial, Duration max, LongSupplier nanoClock) {
    this.initialNanos = initial.toNanos();
    this.maxNanos = Math.max(initialNanos, max.toNanos());
    this.nanoClock = nanoClock;
  }

  synchronized boolean ready() {
    return failures == 0 || nanoClock.getAsLong() - retryAt >= 0;
  }

  /** Records a failure and returns how many happened in a row. */
  synchronized int failed() {
    failures++;
    var delay = initialNanos << Math.min(failures - 1, 20);
    retryAt = nanoClock.getAsLong() + (delay <= 0 || delay > maxNanos ? maxNanos : delay);
    return failures;
  }

  /** Records a success and returns how many failures it ended (0 if none). */
  synchronized int succeeded() {
    var ended = failures;
    failures = 0;
    return ended;
  }
}
