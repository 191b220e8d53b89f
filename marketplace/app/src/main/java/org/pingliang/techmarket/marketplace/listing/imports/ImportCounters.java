package org.pingliang.techmarket.marketplace.listing.imports;

import java.util.concurrent.atomic.AtomicInteger;
import org.pingliang.techmarket.marketplace.listing.achievement.ManagingAchievements.Registration;

/** Running totals of one import, updated by concurrent row workers. */
final class ImportCounters {

  private final AtomicInteger processed = new AtomicInteger();
  private final AtomicInteger created = new AtomicInteger();
  private final AtomicInteger updated = new AtomicInteger();
  private final AtomicInteger unchanged = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();

  void count(Registration registration) {
    switch (registration) {
      case CREATED -> created.incrementAndGet();
      case UPDATED -> updated.incrementAndGet();
      case UNCHANGED -> unchanged.incrementAndGet();
    }
    processed.incrementAndGet();
  }

  void countFailure() {
    failed.incrementAndGet();
    processed.incrementAndGet();
  }

  int processed() {
    return processed.get();
  }

  int created() {
    return created.get();
  }

  int updated() {
    return updated.get();
  }

  int unchanged() {
    return unchanged.get();
  }

  int failed() {
    return failed.get();
  }
}
