package org.pingliang.techmarket.marketplace.listing.achievement;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Maturity;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.pingliang.techmarket.marketplace.listing.shared.Parameters;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.pingliang.techmarket.marketplace.listing.shared.TransferMode;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Achievements in PostgreSQL. Plain SQL: the queries are few, and each says exactly what it locks. */
@Component
class AchievementStore {

  private static final String SELECT = """
      SELECT a.*, o.name AS organisation_name FROM achievements a JOIN organisations o ON o.id = a.organisation_id
      """;

  private final DatabaseClient database;
  private final JsonMapper json;

  AchievementStore(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  Mono<Achievement> find(UUID id) {
    return database.sql(SELECT + " WHERE a.id = :id").bind("id", id).map(this::read).one();
  }

  /** Reads and row-locks an achievement for a change within the current transaction. */
  Mono<Achievement> lock(UUID id) {
    return database.sql(SELECT + " WHERE a.id = :id FOR UPDATE OF a").bind("id", id).map(this::read).one();
  }

  Mono<Achievement> findByExternalId(UUID organisationId, String externalId) {
    return database.sql(SELECT + " WHERE a.organisation_id = :org AND a.external_id = :ext")
        .bind("org", organisationId).bind("ext", externalId).map(this::read).one();
  }

  /** Inserts and answers the holder's name in the same round trip (the API shows it). */
  Mono<String> insert(Achievement achievement) {
    return bindContent(database.sql("""
            INSERT INTO achievements (id, organisation_id, title, summary, description, technology_field, industry_tags,
              maturity, trl, ip_rights, transfer_modes, asking_price_fen, price_negotiable, region_code, status,
              status_reason, external_id, created_by, published_at, created_at, updated_at, version)
            VALUES (:id, :organisationId, :title, :summary, :description, :technologyField, :industryTags, :maturity,
              :trl, :ipRights, :transferModes, :askingPriceFen, :priceNegotiable, :regionCode, :status, :statusReason,
              :externalId, :createdBy, :publishedAt, :createdAt, :updatedAt, :version)
            RETURNING (SELECT name FROM organisations WHERE id = :organisationId) AS organisation_name"""), achievement)
        .bind("organisationId", achievement.organisationId())
        .bind("externalId", Parameters.nullable(achievement.externalId(), String.class))
        .bind("createdBy", achievement.createdBy())
        .bind("createdAt", achievement.createdAt())
        .map(row -> row.get("organisation_name", String.class))
        .one();
  }

  Mono<Void> update(Achievement achievement) {
    return bindContent(database.sql("""
            UPDATE achievements SET title = :title, summary = :summary, description = :description,
              technology_field = :technologyField, industry_tags = :industryTags, maturity = :maturity, trl = :trl,
              ip_rights = :ipRights, transfer_modes = :transferModes, asking_price_fen = :askingPriceFen,
              price_negotiable = :priceNegotiable, region_code = :regionCode, status = :status,
              status_reason = :statusReason, published_at = :publishedAt, updated_at = :updatedAt, version = :version
            WHERE id = :id AND version = :version - 1"""), achievement)
        .fetch().rowsUpdated()
        .flatMap(rows -> rows == 1 ? Mono.<Void>empty()
            : Mono.error(new IllegalStateException("achievement " + achievement.id() + " changed under a row lock")));
  }

  /** Published achievements, newest first. */
  Flux<Achievement> published(Cursor after, int limit) {
    var sql = SELECT + " WHERE a.status = 'PUBLISHED'"
        + (after == null ? "" : " AND (a.published_at, a.id) < (:time, :id)")
        + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit";
    var spec = database.sql(sql).bind("limit", limit);
    if (after != null) {
      spec = spec.bind("time", after.time()).bind("id", after.id());
    }
    return spec.map(this::read).all();
  }

  /** Everything of one organisation, any status, most recently changed first. */
  Flux<Achievement> ofOrganisation(UUID organisationId, AchievementStatus status, Cursor after, int limit) {
    var sql = SELECT + " WHERE a.organisation_id = :org"
        + (status == null ? "" : " AND a.status = :status")
        + (after == null ? "" : " AND (a.updated_at, a.id) < (:time, :id)")
        + " ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit";
    var spec = database.sql(sql).bind("org", organisationId).bind("limit", limit);
    if (status != null) {
      spec = spec.bind("status", status.name());
    }
    if (after != null) {
      spec = spec.bind("time", after.time()).bind("id", after.id());
    }
    return spec.map(this::read).all();
  }

  /** The review queue: submitted achievements, oldest first. */
  Flux<Achievement> awaitingReview(int limit) {
    return database.sql(SELECT + " WHERE a.status = 'SUBMITTED' ORDER BY a.updated_at, a.id LIMIT :limit")
        .bind("limit", limit).map(this::read).all();
  }

  private DatabaseClient.GenericExecuteSpec bindContent(DatabaseClient.GenericExecuteSpec spec, Achievement achievement) {
    var content = achievement.content();
    return spec
        .bind("id", achievement.id())
        .bind("title", content.title())
        .bind("summary", content.summary())
        .bind("description", content.description())
        .bind("technologyField", content.technologyField().name())
        .bind("industryTags", content.industryTags().toArray(String[]::new))
        .bind("maturity", content.maturity().name())
        .bind("trl", Parameters.nullable(content.trl() == null ? null : content.trl().shortValue(), Short.class))
        .bind("ipRights", Json.of(json.writeValueAsString(content.ip())))
        .bind("transferModes", content.transferModes().stream().map(Enum::name).sorted().toArray(String[]::new))
        .bind("askingPriceFen", Parameters.nullable(
            content.askingPrice() == null ? null : content.askingPrice().amountFen(), Long.class))
        .bind("priceNegotiable", content.priceNegotiable())
        .bind("regionCode", content.regionCode())
        .bind("status", achievement.status().name())
        .bind("statusReason", Parameters.nullable(achievement.statusReason(), String.class))
        .bind("publishedAt", Parameters.nullable(achievement.publishedAt(), Instant.class))
        .bind("updatedAt", achievement.updatedAt())
        .bind("version", achievement.version());
  }

  private Achievement read(Readable row) {
    var transferModes = EnumSet.noneOf(TransferMode.class);
    Arrays.stream(row.get("transfer_modes", String[].class)).map(TransferMode::valueOf).forEach(transferModes::add);
    var price = row.get("asking_price_fen", Long.class);
    var trl = row.get("trl", Short.class);
    var content = new Achievement.Content(
        row.get("title", String.class),
        row.get("summary", String.class),
        row.get("description", String.class),
        TechnologyField.valueOf(row.get("technology_field", String.class)),
        List.of(row.get("industry_tags", String[].class)),
        Maturity.valueOf(row.get("maturity", String.class)),
        trl == null ? null : trl.intValue(),
        json.readValue(row.get("ip_rights", Json.class).asString(), Achievement.IpRights.class),
        transferModes,
        price == null ? null : Money.cny(price),
        Boolean.TRUE.equals(row.get("price_negotiable", Boolean.class)),
        row.get("region_code", String.class));
    return new Achievement(
        row.get("id", UUID.class),
        row.get("organisation_id", UUID.class),
        row.get("organisation_name", String.class),
        content,
        AchievementStatus.valueOf(row.get("status", String.class)),
        row.get("status_reason", String.class),
        row.get("external_id", String.class),
        row.get("created_by", String.class),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class),
        row.get("published_at", Instant.class),
        row.get("version", Long.class));
  }
}
