package org.pingliang.techmarket.marketplace.listing.snapshot;

import io.r2dbc.postgresql.codec.Json;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every listing with its current version, in id order, and the payload its latest event carried:
 * each change stores the same snapshot object in {@code listing_revisions} and in the outbox, in
 * one transaction, so the revision of the current version is that event's payload.
 */
@Component
class ListingSnapshotStore {

  /** Smaller than every UUID, so the first page starts at the beginning. */
  static final UUID BEFORE_ALL = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);

  // Each branch walks its primary key and stops after :limit rows; the union is cut to :limit again.
  private static final String IDS = """
      (SELECT 'Achievement' AS type, id, version FROM achievements WHERE id > :after ORDER BY id LIMIT :limit)
      UNION ALL
      (SELECT 'AchievementPackage', id, version FROM achievement_packages WHERE id > :after ORDER BY id LIMIT :limit)
      UNION ALL
      (SELECT 'Demand', id, version FROM demands WHERE id > :after ORDER BY id LIMIT :limit)
      """;

  private final DatabaseClient database;
  private final JsonMapper json;

  ListingSnapshotStore(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  /** Up to {@code limit} listings with an id greater than {@code after}, in id order. */
  Flux<ListingSnapshot> after(UUID after, int limit, boolean withPayload) {
    var sql = withPayload
        ? "SELECT s.type, s.id, s.version, r.snapshot FROM (" + IDS + ") s"
            + " LEFT JOIN listing_revisions r ON r.listing_type = s.type AND r.listing_id = s.id AND r.version = s.version"
            + " ORDER BY s.id LIMIT :limit"
        : "SELECT s.type, s.id, s.version FROM (" + IDS + ") s ORDER BY s.id LIMIT :limit";
    return database.sql(sql)
        .bind("after", after)
        .bind("limit", limit)
        .map(row -> {
          var snapshot = withPayload ? row.get("snapshot", Json.class) : null;
          return new ListingSnapshot(row.get("type", String.class), row.get("id", UUID.class),
              row.get("version", Long.class), snapshot == null ? null : json.readTree(snapshot.asString()));
        })
        .all();
  }
}
