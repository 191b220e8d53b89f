package org.pingliang.techmarket.marketplace.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The relay's meters. The backlog gauges show the last value read from the database (refreshed by
 * the relay), because a gauge is read on the scraper's thread where no query may block; the age
 * still grows between refreshes, as it is computed at scrape time.
 */
@Component
class OutboxMetrics {

  static final String PUBLISHED = "techmarket.outbox.published";
  static final String DUPLICATES_SUPPRESSED = "techmarket.outbox.duplicates.suppressed";
  static final String FAILURES = "techmarket.outbox.publish.failures";
  static final String LAG = "techmarket.outbox.lag";
  static final String BACKLOG = "techmarket.outbox.backlog";
  static final String OLDEST_AGE = "techmarket.outbox.oldest.unpublished.age";

  private final MeterRegistry registry;
  private final AtomicReference<Backlog> backlog = new AtomicReference<>(Backlog.EMPTY);

  OutboxMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder(BACKLOG, backlog, current -> current.get().size())
        .description("Outbox events not yet published to their stream")
        .register(registry);
    Gauge.builder(OLDEST_AGE, backlog, OutboxMetrics::oldestAgeSeconds)
        .description("Age of the oldest outbox event not yet published")
        .baseUnit("seconds")
        .register(registry);
  }

  void published(PendingEvent event, Publication publication) {
    var counter = publication.appended()
        ? Counter.builder(PUBLISHED).description("Outbox events appended to their stream")
        : Counter.builder(DUPLICATES_SUPPRESSED)
            .description("Outbox events found already in their stream when retried after a relay died");
    counter.tag("stream", event.stream()).register(registry).increment();
    if (publication.appended()) {
      Timer.builder(LAG).description("From the appending transaction's start to the stream entry")
          .tag("stream", event.stream()).register(registry)
          .record(Duration.between(event.createdAt(), Instant.now()));
    }
  }

  void failed(PendingEvent event) {
    Counter.builder(FAILURES).description("Failed attempts to publish an outbox event")
        .tag("stream", event.stream()).register(registry).increment();
  }

  void backlog(Backlog current) {
    backlog.set(current);
  }

  private static double oldestAgeSeconds(AtomicReference<Backlog> backlog) {
    var oldest = backlog.get().oldestCreatedAt();
    return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
  }
}
