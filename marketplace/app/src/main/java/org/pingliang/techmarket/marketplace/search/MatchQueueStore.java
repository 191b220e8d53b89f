package org.pingliang.techmarket.marketplace.search;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.search.query.MatchReasons;
import org.pingliang.techmarket.search.query.ScoreBreakdown;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The broker_match_queue table (V30). */
@Component
class MatchQueueStore {

  private static final String COLUMNS = "id, demand_id, demand_title, achievement_id, achievement_title, score, "
      + "similarity, reasons, breakdown, status, decided_by, decided_at, created_at, updated_at, version";

  private final DatabaseClient db;
  private final JsonMapper json;
  private final Clock clock;

  MatchQueueStore(DatabaseClient db, JsonMapper json, Clock clock) {
    this.db = db;
    this.json = json;
    this.clock = clock;
  }

  /** The stored entry and whether this call created it (only new pairs are announced). */
  record Upserted(MatchQueueEntry entry, boolean created) {}

  /**
   * Records a strong match. Idempotent per pair: a repeated or later event refreshes titles, score
   * and reasons; a broker's decision (claimed/dismissed) is kept.
   */
  Mono<Upserted> upsert(UUID demandId, String demandTitle, UUID achievementId, String achievementTitle, double score,
      Double similarity, MatchReasons reasons, ScoreBreakdown breakdown) {
    var now = clock.instant();
    var spec = db.sql("INSERT INTO broker_match_queue (id, demand_id, demand_title, achievement_id, achievement_title, "
            + "score, similarity, reasons, breakdown, created_at, updated_at) "
            + "VALUES (:id, :demandId, :demandTitle, :achievementId, :achievementTitle, :score, :similarity, :reasons, "
            + ":breakdown, :now, :now) "
            + "ON CONFLICT (demand_id, achievement_id) DO UPDATE SET demand_title = EXCLUDED.demand_title, "
            + "achievement_title = EXCLUDED.achievement_title, score = EXCLUDED.score, similarity = EXCLUDED.similarity, "
            + "reasons = EXCLUDED.reasons, breakdown = EXCLUDED.breakdown, updated_at = EXCLUDED.updated_at, "
            + "version = broker_match_queue.version + 1 "
            + "RETURNING " + COLUMNS + ", (xmax = 0) AS created")
        .bind("id", Ids.newId())
        .bind("demandId", demandId)
        .bind("demandTitle", demandTitle)
        .bind("achievementId", achievementId)
        .bind("achievementTitle", achievementTitle)
        .bind("score", score)
        .bind("reasons", Json.of(json.writeValueAsString(reasons)))
        .bind("breakdown", Json.of(json.writeValueAsString(breakdown)))
        .bind("now", now);
    spec = similarity == null ? spec.bindNull("similarity", Double.class) : spec.bind("similarity", similarity);
    return spec.map(row -> new Upserted(entry(row), Boolean.TRUE.equals(row.get("created", Boolean.class)))).one();
  }

  /** Entries with the status, newest first, after the cursor. */
  Flux<MatchQueueEntry> page(String status, Cursor after, int limit) {
    var sql = "SELECT " + COLUMNS + " FROM broker_match_queue WHERE status = :status"
        + (after == null ? "" : " AND (created_at, id) < (:time, :id)")
        + " ORDER BY created_at DESC, id DESC LIMIT :limit";
    var spec = db.sql(sql).bind("status", status).bind("limit", limit);
    if (after != null) {
      spec = spec.bind("time", after.time()).bind("id", after.id());
    }
    return spec.map(this::entry).all();
  }

  Mono<MatchQueueEntry> find(UUID id) {
    return db.sql("SELECT " + COLUMNS + " FROM broker_match_queue WHERE id = :id").bind("id", id).map(this::entry).one();
  }

  /** Moves a NEW entry to {@code status}; empty when it is not NEW (any more). */
  Mono<MatchQueueEntry> decide(UUID id, String status, String broker) {
    return db.sql("UPDATE broker_match_queue SET status = :status, decided_by = :broker, decided_at = :now, "
            + "updated_at = :now, version = version + 1 WHERE id = :id AND status = 'NEW' RETURNING " + COLUMNS)
        .bind("status", status).bind("broker", broker).bind("now", clock.instant()).bind("id", id)
        .map(this::entry).one();
  }

  private MatchQueueEntry entry(Readable row) {
    return new MatchQueueEntry(
        row.get("id", UUID.class),
        row.get("demand_id", UUID.class),
        row.get("demand_title", String.class),
        row.get("achievement_id", UUID.class),
        row.get("achievement_title", String.class),
        row.get("score", Double.class),
        row.get("similarity", Double.class),
        json.readValue(row.get("reasons", Json.class).asString(), MatchReasons.class),
        json.readValue(row.get("breakdown", Json.class).asString(), ScoreBreakdown.class),
        row.get("status", String.class),
        row.get("decided_by", String.class),
        row.get("decided_at", Instant.class),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class),
        row.get("version", Long.class));
  }
}
