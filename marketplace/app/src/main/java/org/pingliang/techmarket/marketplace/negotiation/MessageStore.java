package org.pingliang.techmarket.marketplace.negotiation;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.negotiation.internal.Side;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Messages of the rooms in PostgreSQL, stored as the plain text the author sent. */
@Component
class MessageStore {

  /** A message as stored. */
  record Message(UUID id, UUID negotiationId, String authorSubject, Side authorSide, String body, boolean confidential,
      Instant createdAt) {}

  private final DatabaseClient database;

  MessageStore(DatabaseClient database) {
    this.database = database;
  }

  Mono<Void> insert(Message message) {
    return database.sql("""
            INSERT INTO negotiation_messages (id, negotiation_id, author_subject, author_side, body, confidential, created_at)
            VALUES (:id, :negotiation, :author, :side, :body, :confidential, :createdAt)""")
        .bind("id", message.id())
        .bind("negotiation", message.negotiationId())
        .bind("author", message.authorSubject())
        .bind("side", message.authorSide().name())
        .bind("body", message.body())
        .bind("confidential", message.confidential())
        .bind("createdAt", message.createdAt())
        .then();
  }

  /** Newest first. */
  Flux<Message> of(UUID negotiationId, Cursor after, int limit) {
    var sql = "SELECT * FROM negotiation_messages WHERE negotiation_id = :negotiation"
        + (after == null ? "" : " AND (created_at, id) < (:time, :id)")
        + " ORDER BY created_at DESC, id DESC LIMIT :limit";
    var spec = database.sql(sql).bind("negotiation", negotiationId).bind("limit", limit);
    if (after != null) {
      spec = spec.bind("time", after.time()).bind("id", after.id());
    }
    return spec.map(MessageStore::read).all();
  }

  private static Message read(Readable row) {
    return new Message(row.get("id", UUID.class), row.get("negotiation_id", UUID.class),
        row.get("author_subject", String.class), Side.valueOf(row.get("author_side", String.class)),
        row.get("body", String.class), Boolean.TRUE.equals(row.get("confidential", Boolean.class)),
        row.get("created_at", Instant.class));
  }
}
