package org.pingliang.techmarket.marketplace.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One domain event as a feature hands it to the {@link Outbox}.
 *
 * @param aggregateType the aggregate's kind, e.g. {@code Achievement}, {@code AchievementPackage},
 *     {@code Demand}; it decides the stream
 * @param aggregateId the aggregate's id
 * @param aggregateVersion the aggregate's version after the change (consumers deduplicate on it)
 * @param type what happened, past tense, e.g. {@code AchievementPublished}
 * @param payload any object; serialised to JSON with the application's {@code JsonMapper}
 * @param occurredAt when it happened; {@code null} means the moment of the append
 */
public record OutboxMessage(
    String aggregateType,
    UUID aggregateId,
    long aggregateVersion,
    String type,
    Object payload,
    Instant occurredAt) {

  public OutboxMessage {
    requireText(aggregateType, "aggregateType");
    Objects.requireNonNull(aggregateId, "aggregateId");
    requireText(type, "type");
    Objects.requireNonNull(payload, "payload");
    if (aggregateVersion < 0) {
      throw new IllegalArgumentException("aggregateVersion must not be negative");
    }
  }

  /** An event that occurred now. */
  public OutboxMessage(String aggregateType, UUID aggregateId, long aggregateVersion, String type, Object payload) {
    this(aggregateType, aggregateId, aggregateVersion, type, payload, null);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
