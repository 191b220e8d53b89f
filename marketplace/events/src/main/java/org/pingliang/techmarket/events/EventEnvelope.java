package org.pingliang.techmarket.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One domain event as it travels on a Redis Stream: the envelope of ../shared/CONVENTIONS.md.
 *
 * <p>Stream entries are flat string maps, so the payload stays a JSON document produced by the
 * publisher; consumers parse it with the library of their choice. Consumers are idempotent on
 * ({@link #aggregateId()}, {@link #aggregateVersion()}).
 */
public record EventEnvelope(
    UUID eventId,
    String type,
    String aggregateType,
    UUID aggregateId,
    long aggregateVersion,
    Instant occurredAt,
    int schemaVersion,
    String payload) {

  static final String EVENT_ID = "eventId";
  static final String TYPE = "type";
  static final String AGGREGATE_TYPE = "aggregateType";
  static final String AGGREGATE_ID = "aggregateId";
  static final String AGGREGATE_VERSION = "aggregateVersion";
  static final String OCCURRED_AT = "occurredAt";
  static final String SCHEMA_VERSION = "schemaVersion";
  static final String PAYLOAD = "payload";

  public EventEnvelope {
    Objects.requireNonNull(eventId, "eventId");
    requireText(type, TYPE);
    requireText(aggregateType, AGGREGATE_TYPE);
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(payload, "payload");
    if (aggregateVersion < 0) {
      throw new IllegalArgumentException("aggregateVersion must not be negative");
    }
    if (schemaVersion < 1) {
      throw new IllegalArgumentException("schemaVersion starts at 1");
    }
  }

  /** The fields of a stream entry, in a stable order. */
  public Map<String, String> toStreamFields() {
    var fields = new LinkedHashMap<String, String>();
    fields.put(EVENT_ID, eventId.toString());
    fields.put(TYPE, type);
    fields.put(AGGREGATE_TYPE, aggregateType);
    fields.put(AGGREGATE_ID, aggregateId.toString());
    fields.put(AGGREGATE_VERSION, Long.toString(aggregateVersion));
    fields.put(OCCURRED_AT, occurredAt.toString());
    fields.put(SCHEMA_VERSION, Integer.toString(schemaVersion));
    fields.put(PAYLOAD, payload);
    return fields;
  }

  /**
   * Reads a stream entry back; a malformed entry is an {@link IllegalArgumentException} naming the
   * field, so a consumer can park it instead of retrying forever.
   */
  public static EventEnvelope fromStreamFields(Map<String, String> fields) {
    try {
      return new EventEnvelope(
          UUID.fromString(field(fields, EVENT_ID)),
          field(fields, TYPE),
          field(fields, AGGREGATE_TYPE),
          UUID.fromString(field(fields, AGGREGATE_ID)),
          Long.parseLong(field(fields, AGGREGATE_VERSION)),
          Instant.parse(field(fields, OCCURRED_AT)),
          Integer.parseInt(field(fields, SCHEMA_VERSION)),
          field(fields, PAYLOAD));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("malformed event entry: " + e.getMessage(), e);
    }
  }

  private static String field(Map<String, String> fields, String name) {
    var value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("event entry lacks field " + name);
    }
    return value;
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
