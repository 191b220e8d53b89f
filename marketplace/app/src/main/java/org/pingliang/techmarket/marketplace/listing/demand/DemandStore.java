package org.pingliang.techmarket.marketplace.listing.demand;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.pingliang.techmarket.marketplace.listing.shared.Parameters;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.pingliang.techmarket.marketplace.listing.shared.TransferMode;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Demands in PostgreSQL. */
@Component
class DemandStore {

  private static final String SELECT = """
      SELECT d.*, o.name AS organisation_name FROM demands d JOIN organisations o ON o.id = d.organisation_id
      """;

  private final DatabaseClient database;

  DemandStore(DatabaseClient database) {
    this.database = database;
  }

  Mono<Demand> find(UUID id) {
    return database.sql(SELECT + " WHERE d.id = :id").bind("id", id).map(DemandStore::read).one();
  }

  Mono<Demand> lock(UUID id) {
    return database.sql(SELECT + " WHERE d.id = :id FOR UPDATE OF d").bind("id", id).map(DemandStore::read).one();
  }

  Mono<Void> insert(Demand demand) {
    return bind(database.sql("""
            INSERT INTO demands (id, organisation_id, title, problem, expected_outcome, budget_min_fen, budget_max_fen,
              budget_negotiable, deadline, cooperation_modes, industry_tags, technology_field, region_code, challenge,
              bounty_fen, status, status_reason, created_by, published_at, created_at, updated_at, version)
            VALUES (:id, :organisationId, :title, :problem, :expectedOutcome, :budgetMin, :budgetMax, :budgetNegotiable,
              :deadline, :cooperationModes, :industryTags, :technologyField, :regionCode, :challenge, :bounty, :status,
              :statusReason, :createdBy, :publishedAt, :createdAt, :updatedAt, :version)"""), demand)
        .bind("organisationId", demand.organisationId())
        .bind("createdBy", demand.createdBy())
        .bind("createdAt", demand.createdAt())
        .then();
  }

  Mono<Void> update(Demand demand) {
    return bind(database.sql("""
            UPDATE demands SET title = :title, problem = :problem, expected_outcome = :expectedOutcome,
              budget_min_fen = :budgetMin, budget_max_fen = :budgetMax, budget_negotiable = :budgetNegotiable,
              deadline = :deadline, cooperation_modes = :cooperationModes, industry_tags = :industryTags,
              technology_field = :technologyField, region_code = :regionCode, challenge = :challenge,
              bounty_fen = :bounty, status = :status, status_reason = :statusReason, published_at = :publishedAt,
              updated_at = :updatedAt, version = :version
            WHERE id = :id AND version = :version - 1"""), demand)
        .fetch().rowsUpdated()
        .flatMap(rows -> rows == 1 ? Mono.<Void>empty()
            : Mono.error(new IllegalStateException("demand " + demand.id() + " changed under a row lock")));
  }

  /** Public demands (open or in negotiation), newest first; challenges only when asked. */
  Flux<Demand> open(boolean challengesOnly, Cursor after, int limit) {
    var sql = SELECT + " WHERE d.status IN ('OPEN', 'IN_NEGOTIATION')"
        + (challengesOnly ? " AND d.challenge" : "")
        + (after == null ? "" : " AND (d.published_at, d.id) < (:time, :id)")
        + " ORDER BY d.published_at DESC, d.id DESC LIMIT :limit";
    var spec = database.sql(sql).bind("limit", limit);
    if (after != null) {
      spec = spec.bind("time", after.time()).bind("id", after.id());
    }
    return spec.map(DemandStore::read).all();
  }

  Flux<Demand> ofOrganisation(UUID organisationId, DemandStatus status, Cursor after, int limit) {
    var sql = SELECT + " WHERE d.organisation_id = :org"
        + (status == null ? "" : " AND d.status = :status")
        + (after == null ? "" : " AND (d.updated_at, d.id) < (:time, :id)")
        + " ORDER BY d.updated_at DESC, d.id DESC LIMIT :limit";
    var spec = database.sql(sql).bind("org", organisationId).bind("limit", limit);
    if (status != null) {
      spec = spec.bind("status", status.name());
    }
    if (after != null) {
      spec = spec.bind("time", after.time()).bind("id", after.id());
    }
    return spec.map(DemandStore::read).all();
  }

  private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Demand demand) {
    var content = demand.content();
    var budget = content.budget();
    return spec
        .bind("id", demand.id())
        .bind("title", content.title())
        .bind("problem", content.problem())
        .bind("expectedOutcome", content.expectedOutcome())
        .bind("budgetMin", Parameters.nullable(budget.min() == null ? null : budget.min().amountFen(), Long.class))
        .bind("budgetMax", Parameters.nullable(budget.max() == null ? null : budget.max().amountFen(), Long.class))
        .bind("budgetNegotiable", budget.negotiable())
        .bind("deadline", content.deadline())
        .bind("cooperationModes", content.cooperationModes().stream().map(Enum::name).sorted().toArray(String[]::new))
        .bind("industryTags", content.industryTags().toArray(String[]::new))
        .bind("technologyField", content.technologyField().name())
        .bind("regionCode", content.regionCode())
        .bind("challenge", content.isChallenge())
        .bind("bounty", Parameters.nullable(content.isChallenge() ? content.bounty().amountFen() : null, Long.class))
        .bind("status", demand.status().name())
        .bind("statusReason", Parameters.nullable(demand.statusReason(), String.class))
        .bind("publishedAt", demand.publishedAt())
        .bind("updatedAt", demand.updatedAt())
        .bind("version", demand.version());
  }

  private static Demand read(Readable row) {
    var modes = EnumSet.noneOf(TransferMode.class);
    Arrays.stream(row.get("cooperation_modes", String[].class)).map(TransferMode::valueOf).forEach(modes::add);
    var min = row.get("budget_min_fen", Long.class);
    var max = row.get("budget_max_fen", Long.class);
    var bounty = row.get("bounty_fen", Long.class);
    var content = new Demand.Content(
        row.get("title", String.class),
        row.get("problem", String.class),
        row.get("expected_outcome", String.class),
        new Demand.Budget(min == null ? null : Money.cny(min), max == null ? null : Money.cny(max),
            Boolean.TRUE.equals(row.get("budget_negotiable", Boolean.class))),
        row.get("deadline", LocalDate.class),
        modes,
        List.of(row.get("industry_tags", String[].class)),
        TechnologyField.valueOf(row.get("technology_field", String.class)),
        row.get("region_code", String.class),
        bounty == null ? null : Money.cny(bounty));
    return new Demand(
        row.get("id", UUID.class),
        row.get("organisation_id", UUID.class),
        row.get("organisation_name", String.class),
        content,
        DemandStatus.valueOf(row.get("status", String.class)),
        row.get("status_reason", String.class),
        row.get("created_by", String.class),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class),
        row.get("published_at", Instant.class),
        row.get("version", Long.class));
  }
}
