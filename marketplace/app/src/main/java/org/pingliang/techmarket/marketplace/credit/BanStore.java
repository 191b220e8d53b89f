package org.pingliang.techmarket.marketplace.credit;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Parameters;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The blacklist's rows as the bureau and the public read them. */
@Component
class BanStore {

  private static final String SELECT = """
      SELECT b.*, o.name AS organisation_name FROM trading_bans b LEFT JOIN organisations o ON o.id = b.organisation_id
      """;

  private final DatabaseClient database;

  BanStore(DatabaseClient database) {
    this.database = database;
  }

  /** One ban: {@code name} is the organisation's name or the name the bureau gave the person. */
  record Ban(UUID id, UUID organisationId, String personSubject, String name, String reason, String decidedBy,
      Instant imposedAt, Instant liftedAt, String liftedBy, String liftReason, long version) {

    boolean inForce() {
      return liftedAt == null;
    }
  }

  Mono<Ban> find(UUID id) {
    return database.sql(SELECT + " WHERE b.id = :id").bind("id", id).map(BanStore::read).one();
  }

  Mono<Ban> lock(UUID id) {
    return database.sql(SELECT + " WHERE b.id = :id FOR UPDATE OF b").bind("id", id).map(BanStore::read).one();
  }

  Mono<Ban> inForce(UUID organisationId, String personSubject) {
    return organisationId != null
        ? database.sql(SELECT + " WHERE b.organisation_id = :id AND b.lifted_at IS NULL").bind("id", organisationId)
            .map(BanStore::read).one()
        : database.sql(SELECT + " WHERE b.person_subject = :subject AND b.lifted_at IS NULL")
            .bind("subject", personSubject).map(BanStore::read).one();
  }

  Mono<Void> name(UUID id, String name) {
    return database.sql("UPDATE trading_bans SET subject_name = :name WHERE id = :id AND subject_name IS NULL")
        .bind("id", id).bind("name", Parameters.nullable(name, String.class)).then();
  }

  Mono<Void> lift(UUID id, String liftedBy, String reason, Instant now) {
    return database.sql("""
            UPDATE trading_bans SET lifted_at = :now, lifted_by = :by, lift_reason = :reason, updated_at = :now,
              version = version + 1
            WHERE id = :id AND lifted_at IS NULL""")
        .bind("id", id).bind("by", liftedBy).bind("reason", reason).bind("now", now).then();
  }

  /** Newest first; only those in force when asked. */
  Flux<Ban> list(boolean inForceOnly, int offset, int limit) {
    return database.sql(SELECT + (inForceOnly ? " WHERE b.lifted_at IS NULL" : "")
            + " ORDER BY b.imposed_at DESC, b.id DESC OFFSET :offset LIMIT :limit")
        .bind("offset", offset).bind("limit", limit).map(BanStore::read).all();
  }

  Mono<Long> count(boolean inForceOnly) {
    return database.sql("SELECT count(*) AS n FROM trading_bans" + (inForceOnly ? " WHERE lifted_at IS NULL" : ""))
        .map(row -> row.get("n", Long.class)).one();
  }

  private static Ban read(Readable row) {
    var organisationName = row.get("organisation_name", String.class);
    return new Ban(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
        row.get("person_subject", String.class),
        organisationName != null ? organisationName : row.get("subject_name", String.class),
        row.get("reason", String.class), row.get("decided_by", String.class), row.get("imposed_at", Instant.class),
        row.get("lifted_at", Instant.class), row.get("lifted_by", String.class), row.get("lift_reason", String.class),
        row.get("version", Long.class));
  }
}
