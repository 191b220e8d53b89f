package org.pingliang.techmarket.marketplace.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Trimming of the event streams ({@code techmarket.event-streams.*}, see {@link StreamTrimJob}).
 *
 * @param trimEnabled whether this instance trims the streams
 * @param trimInterval how often
 * @param trimInitialDelay how long after start-up the first run waits
 * @param retention entries appended within this time are kept even when every consumer group has
 *     acknowledged them, for replays and debugging
 */
@ConfigurationProperties("techmarket.event-streams")
record EventStreamProperties(
    @DefaultValue("true") boolean trimEnabled,
    @DefaultValue("10m") Duration trimInterval,
    @DefaultValue("1m") Duration trimInitialDelay,
    @DefaultValue("7d") Duration retention) {

  EventStreamProperties {
    if (trimInterval == null || trimInterval.isNegative() || trimInterval.isZero()) {
      throw new IllegalArgumentException("techmarket.event-streams.trim-interval must be positive");
    }
    if (trimInitialDelay == null || trimInitialDelay.isNegative()) {
      throw new IllegalArgumentException("techmarket.event-streams.trim-initial-delay must not be negative");
    }
    if (retention == null || retention.isNegative()) {
      throw new IllegalArgumentException("techmarket.event-streams.retention must not be negative");
    }
  }
}
