package org.pingliang.techmarket.marketplace.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.events.EventEnvelope;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code outbox_events} table. Every statement runs on the connection of the transaction in the
 * Reactor context, if any, which is how an append joins the caller's transaction.
 */
@Component
class OutboxEvents {

  /** The relay's advisory lock key: the ASCII bytes of "outbox", so other features can pick others. */
  static final long RELAY_LOCK = 0x6F75_7462_6F78L;

  private static final int MAX_ERROR_LENGTH = 1000;

  private final DatabaseClient database;

  OutboxEvents(DatabaseClient database) {
    this.database = database;
  }

  Mono<Void> insert(UUID eventId, String stream, OutboxMessage message, String payloadJson, Instant occurredAt) {
    return database.sql("""
            INSERT INTO outbox_events (event_id, stream, aggregate_type, aggregate_id, aggregate_version, type,
                                       payload, occurred_at)
            VALUES (:eventId, :stream, :aggregateType, :aggregateId, :aggregateVersion, :type,
                    CAST(:payload AS jsonb), :occurredAt)""")
        .bind("eventId", eventId)
        .bind("stream", stream)
        .bind("aggregateType", message.aggregateType())
        .bind("aggregateId", message.aggregateId())
        .bind("aggregateVersion", message.aggregateVersion())
        .bind("type", message.type())
        .bind("payload", payloadJson)
        .bind("occurredAt", occurredAt)
        .then();
  }

  /**
   * Takes the relay lock until the current transaction ends; {@code false} if another relay has it.
   * A relay that freezes or loses its network while holding the lock would otherwise keep it until
   * TCP keepalive notices (hours): PostgreSQL ends its session once it idles longer than {@code idleLimit}.
   */
  Mono<Boolean> tryLockRelay(Duration idleLimit) {
    return database.sql("""
            SELECT set_config('idle_in_transaction_session_timeout', :idleLimit, true) AS idle_limit,
                   pg_try_advisory_xact_lock(:key) AS locked""")
        .bind("idleLimit", Math.min(idleLimit.toMillis(), Integer.MAX_VALUE) + "ms")
        .bind("key", RELAY_LOCK)
        .map(row -> row.get("locked", Boolean.class))
        .one();
  }

  Flux<PendingEvent> unpublished(int limit) {
    return database.sql("""
            SELECT sequence, event_id, stream, aggregate_type, aggregate_id, aggregate_version, type,
                   schema_version, payload::text AS payload, occurred_at, created_at
            FROM outbox_events
            WHERE published_at IS NULL
            ORDER BY sequence
            LIMIT :limit""")
        .bind("limit", limit)
        .map(row -> new PendingEvent(
            row.get("sequence", Long.class),
            row.get("stream", String.class),
            new EventEnvelope(
                row.get("event_id", UUID.class),
                row.get("type", String.class),
                row.get("aggregate_type", String.class),
                row.get("aggregate_id", UUID.class),
                row.get("aggregate_version", Long.class),
                row.get("occurred_at", Instant.class),
                row.get("schema_version", Integer.class),
                row.get("payload", String.class)),
            row.get("created_at", Instant.class)))
        .all();
  }

  Mono<Void> markPublished(List<Long> sequences) {
    if (sequences.isEmpty()) {
      return Mono.empty();
    }
    return database.sql("""
            UPDATE outbox_events
            SET published_at = clock_timestamp(), attempts = attempts + 1, updated_at = clock_timestamp()
            WHERE sequence = ANY(:sequences)""")
        .bind("sequences", sequences.toArray(Long[]::new))
        .then();
  }

  Mono<Void> recordFailure(long sequence, Throwable error) {
    return database.sql("""
            UPDATE outbox_events
            SET attempts = attempts + 1, last_error = :error, updated_at = clock_timestamp()
            WHERE sequence = :sequence""")
        .bind("error", describe(error))
        .bind("sequence", sequence)
        .then();
  }

  Mono<Backlog> backlog() {
    return database.sql("""
            SELECT count(*) AS size, min(created_at) AS oldest
            FROM outbox_events
            WHERE published_at IS NULL""")
        .map(row -> new Backlog(row.get("size", Long.class), row.get("oldest", Instant.class)))
        .one();
  }

  private static String describe(Throwable error) {
    var text = error.getClass().getName() + ": " + error.getMessage();
    return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
  }
}
