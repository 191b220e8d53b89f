package org.pingliang.techmarket.marketplace.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay ({@code techmarket.outbox.*}).
 *
 * @param enabled whether this instance runs a relay; appends work either way
 * @param pollInterval how often the relay looks for events committed by other instances; its own
 *     instance's commits wake it at once
 * @param batchSize events published per database transaction
 * @param dedupeTtl how long Redis remembers a published event id; must outlast the longest time an
 *     appended row can stay unmarked (a database outage right after the publish)
 * @param maxBackoff the slowest retry pace while Redis or PostgreSQL is away
 * @param publishTimeout how long one publish may take before it counts as failed
 */
@ConfigurationProperties("techmarket.outbox")
record OutboxProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("100") int batchSize,
    @DefaultValue("7d") Duration dedupeTtl,
    @DefaultValue("5s") Duration maxBackoff,
    @DefaultValue("2s") Duration publishTimeout) {

  OutboxProperties {
    requirePositive(pollInterval, "poll-interval");
    requirePositive(maxBackoff, "max-backoff");
    requirePositive(publishTimeout, "publish-timeout");
    if (dedupeTtl == null || dedupeTtl.toSeconds() < 1) {
      throw new IllegalArgumentException("techmarket.outbox.dedupe-ttl must be at least 1s");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("techmarket.outbox.batch-size must be at least 1");
    }
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("techmarket.outbox." + name + " must be positive");
    }
  }
}
