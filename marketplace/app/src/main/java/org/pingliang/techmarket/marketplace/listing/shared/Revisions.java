package org.pingliang.techmarket.marketplace.listing.shared;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The append-only history of every listing: one row per version, with who did what and why. */
@Component
public class Revisions {

  /** One entry of a listing's history. */
  public record Revision(long version, String action, String actor, String reason, Instant occurredAt, JsonNode snapshot) {}

  private final DatabaseClient database;
  private final JsonMapper json;

  Revisions(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  /** Records a change; call inside the transaction that made it. */
  public Mono<Void> record(String listingType, UUID listingId, long version, String action, String actor,
      String reason, Object snapshot) {
    return database.sql("""
            INSERT INTO listing_revisions (listing_type, listing_id, version, action, actor, reason, snapshot)
            VALUES (:type, :id, :version, :action, :actor, :reason, :snapshot)""")
        .bind("type", listingType)
        .bind("id", listingId)
        .bind("version", version)
        .bind("action", action)
        .bind("actor", actor)
        .bind("reason", Parameters.nullable(reason, String.class))
        .bind("snapshot", Json.of(json.writeValueAsString(snapshot)))
        .then();
  }

  public Flux<Revision> of(String listingType, UUID listingId) {
    return database.sql("""
            SELECT version, action, actor, reason, occurred_at, snapshot FROM listing_revisions
            WHERE listing_type = :type AND listing_id = :id ORDER BY version""")
        .bind("type", listingType)
        .bind("id", listingId)
        .map(row -> new Revision(row.get("version", Long.class), row.get("action", String.class),
            row.get("actor", String.class), row.get("reason", String.class), row.get("occurred_at", Instant.class),
            json.readTree(row.get("snapshot", Json.class).asString())))
        .all();
  }
}
