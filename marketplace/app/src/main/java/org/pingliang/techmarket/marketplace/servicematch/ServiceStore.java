package org.pingliang.techmarket.marketplace.servicematch;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Parameters;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Offers, requests and their revisions in PostgreSQL; every call joins the caller's transaction. */
@Component
class ServiceStore {

  private static final String REQUESTS = """
      SELECT r.*, o.name AS organisation_name FROM service_requests r LEFT JOIN organisations o ON o.id = r.organisation_id
      """;

  private final DatabaseClient database;
  private final JsonMapper json;

  ServiceStore(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  // ------------------------------------------------------------------ offers

  Mono<ServiceOffer> offer(UUID id, boolean lock) {
    return database.sql("SELECT * FROM service_offers WHERE id = :id" + (lock ? " FOR UPDATE" : "")).bind("id", id)
        .map(ServiceStore::offer).one();
  }

  Mono<Void> insert(ServiceOffer offer) {
    return bind(database.sql("""
        INSERT INTO service_offers (id, commissioner_subject, commissioner_name, title, description, technology_field,
          service_type, counties, modes, status, status_reason, published_at, created_at, updated_at, version)
        VALUES (:id, :subject, :name, :title, :description, :field, :type, :counties, :modes, :status, :reason,
          :publishedAt, :createdAt, :updatedAt, :version)"""), offer)
        .bind("subject", offer.commissionerSubject()).bind("name", offer.commissionerName())
        .bind("publishedAt", offer.publishedAt()).bind("createdAt", offer.createdAt())
        .then();
  }

  Mono<Void> update(ServiceOffer offer) {
    return bind(database.sql("""
        UPDATE service_offers SET title = :title, description = :description, technology_field = :field,
          service_type = :type, counties = :counties, modes = :modes, status = :status, status_reason = :reason,
          updated_at = :updatedAt, version = :version
        WHERE id = :id AND version = :version - 1"""), offer)
        .fetch().rowsUpdated()
        .flatMap(rows -> rows == 1 ? Mono.<Void>empty()
            : Mono.error(new IllegalStateException("offer " + offer.id() + " changed under a row lock")));
  }

  /** Active offers, newest first. */
  Flux<ServiceOffer> activeOffers(Cursor after, int limit) {
    var spec = database.sql("SELECT * FROM service_offers WHERE status = 'ACTIVE'"
        + (after == null ? "" : " AND (published_at, id) < (:time, :id)")
        + " ORDER BY published_at DESC, id DESC LIMIT :limit").bind("limit", limit);
    if (after != null) {
      spec = spec.bind("time", after.time()).bind("id", after.id());
    }
    return spec.map(ServiceStore::offer).all();
  }

  /** A commissioner's offers in any status, last changed first. */
  Flux<ServiceOffer> offersOf(String subject, Cursor after, int limit) {
    var spec = database.sql("SELECT * FROM service_offers WHERE commissioner_subject = :subject"
        + (after == null ? "" : " AND (updated_at, id) < (:time, :id)")
        + " ORDER BY updated_at DESC, id DESC LIMIT :limit").bind("subject", subject).bind("limit", limit);
    if (after != null) {
      spec = spec.bind("time", after.time()).bind("id", after.id());
    }
    return spec.map(ServiceStore::offer).all();
  }

  private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, ServiceOffer offer) {
    var content = offer.content();
    return spec.bind("id", offer.id())
        .bind("title", content.title())
        .bind("description", content.description())
        .bind("field", content.technologyField().name())
        .bind("type", content.serviceType().name())
        .bind("counties", content.counties().toArray(String[]::new))
        .bind("modes", content.modes().stream().map(Enum::name).sorted().toArray(String[]::new))
        .bind("status", offer.status().name())
        .bind("reason", Parameters.nullable(offer.statusReason(), String.class))
        .bind("updatedAt", offer.updatedAt())
        .bind("version", offer.version());
  }

  private static ServiceOffer offer(Readable row) {
    var modes = EnumSet.noneOf(ServiceMode.class);
    Arrays.stream(row.get("modes", String[].class)).map(ServiceMode::valueOf).forEach(modes::add);
    var content = new ServiceOffer.Content(row.get("title", String.class), row.get("description", String.class),
        TechnologyField.valueOf(row.get("technology_field", String.class)),
        ServiceType.valueOf(row.get("service_type", String.class)), List.of(row.get("counties", String[].class)), modes);
    return new ServiceOffer(row.get("id", UUID.class), row.get("commissioner_subject", String.class),
        row.get("commissioner_name", String.class), content,
        ServiceOffer.Status.valueOf(row.get("status", String.class)), row.get("status_reason", String.class),
        row.get("published_at", Instant.class), row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class), row.get("version", Long.class));
  }

  // ------------------------------------------------------------------ requests

  Mono<ServiceRequest> request(UUID id, boolean lock) {
    return database.sql(REQUESTS + " WHERE r.id = :id" + (lock ? " FOR UPDATE OF r" : "")).bind("id", id)
        .map(ServiceStore::request).one();
  }

  Mono<Void> insert(ServiceRequest request) {
    var requester = request.requester();
    return bind(database.sql("""
        INSERT INTO service_requests (id, requester_kind, organisation_id, place_name, village_id, posted_by, title,
          problem, expected_help, technology_field, service_type, county_code, deadline, status, status_reason,
          published_at, created_at, updated_at, version)
        VALUES (:id, :kind, :organisation, :place, :village, :postedBy, :title, :problem, :help, :field, :type, :county,
          :deadline, :status, :reason, :publishedAt, :createdAt, :updatedAt, :version)"""), request)
        .bind("kind", requester.kind().name())
        .bind("organisation", Parameters.nullable(requester.organisationId(), UUID.class))
        .bind("place", Parameters.nullable(requester.placeName(), String.class))
        .bind("village", Parameters.nullable(requester.villageId(), UUID.class))
        .bind("postedBy", request.postedBy())
        .bind("publishedAt", request.publishedAt()).bind("createdAt", request.createdAt())
        .then();
  }

  Mono<Void> update(ServiceRequest request) {
    return bind(database.sql("""
        UPDATE service_requests SET title = :title, problem = :problem, expected_help = :help, technology_field = :field,
          service_type = :type, county_code = :county, deadline = :deadline, status = :status, status_reason = :reason,
          updated_at = :updatedAt, version = :version
        WHERE id = :id AND version = :version - 1"""), request)
        .fetch().rowsUpdated()
        .flatMap(rows -> rows == 1 ? Mono.<Void>empty()
            : Mono.error(new IllegalStateException("request " + request.id() + " changed under a row lock")));
  }

  /**
   * Requests newest first: of the given organisations only (null: all), in the given status (null: any).
   */
  Flux<ServiceRequest> requests(List<UUID> organisations, ServiceRequest.Status status, Cursor after, int limit) {
    var sql = new StringBuilder(REQUESTS).append(" WHERE TRUE");
    if (organisations != null) {
      sql.append(" AND r.organisation_id = ANY(:organisations)");
    }
    if (status != null) {
      sql.append(" AND r.status = :status");
    }
    if (after != null) {
      sql.append(" AND (r.published_at, r.id) < (:time, :id)");
    }
    sql.append(" ORDER BY r.published_at DESC, r.id DESC LIMIT :limit");
    var spec = database.sql(sql.toString()).bind("limit", limit);
    if (organisations != null) {
      spec = spec.bind("organisations", organisations.toArray(UUID[]::new));
    }
    if (status != null) {
      spec = spec.bind("status", status.name());
    }
    if (after != null) {
      spec = spec.bind("time", after.time()).bind("id", after.id());
    }
    return spec.map(ServiceStore::request).all();
  }

  private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, ServiceRequest request) {
    var content = request.content();
    return spec.bind("id", request.id())
        .bind("title", content.title())
        .bind("problem", content.problem())
        .bind("help", content.expectedHelp())
        .bind("field", content.technologyField().name())
        .bind("type", Parameters.nullable(content.serviceType() == null ? null : content.serviceType().name(), String.class))
        .bind("county", content.countyCode())
        .bind("deadline", content.deadline())
        .bind("status", request.status().name())
        .bind("reason", Parameters.nullable(request.statusReason(), String.class))
        .bind("updatedAt", request.updatedAt())
        .bind("version", request.version());
  }

  private static ServiceRequest request(Readable row) {
    var type = row.get("service_type", String.class);
    var content = new ServiceRequest.Content(row.get("title", String.class), row.get("problem", String.class),
        row.get("expected_help", String.class), TechnologyField.valueOf(row.get("technology_field", String.class)),
        type == null ? null : ServiceType.valueOf(type), row.get("county_code", String.class),
        row.get("deadline", LocalDate.class));
    var requester = new ServiceRequest.Requester(RequesterKind.valueOf(row.get("requester_kind", String.class)),
        row.get("organisation_id", UUID.class), row.get("organisation_name", String.class),
        row.get("place_name", String.class), row.get("village_id", UUID.class));
    return new ServiceRequest(row.get("id", UUID.class), requester, row.get("posted_by", String.class), content,
        ServiceRequest.Status.valueOf(row.get("status", String.class)), row.get("status_reason", String.class),
        row.get("published_at", Instant.class), row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class), row.get("version", Long.class));
  }

  // ------------------------------------------------------------------ revisions

  /** One entry of a record's history. */
  record Revision(long version, String action, String actor, String reason, Instant recordedAt, JsonNode snapshot) {}

  Mono<Void> revision(String aggregateType, UUID id, long version, String action, String actor, String reason,
      Object snapshot) {
    return database.sql("""
        INSERT INTO service_revisions (aggregate_type, aggregate_id, version, action, actor, reason, snapshot)
        VALUES (:type, :id, :version, :action, :actor, :reason, :snapshot)""")
        .bind("type", aggregateType).bind("id", id).bind("version", version).bind("action", action)
        .bind("actor", actor).bind("reason", Parameters.nullable(reason, String.class))
        .bind("snapshot", Json.of(json.writeValueAsString(snapshot)))
        .then();
  }

  Flux<Revision> revisions(String aggregateType, UUID id) {
    return database.sql("""
        SELECT version, action, actor, reason, recorded_at, snapshot FROM service_revisions
        WHERE aggregate_type = :type AND aggregate_id = :id ORDER BY version""")
        .bind("type", aggregateType).bind("id", id)
        .map(row -> new Revision(row.get("version", Long.class), row.get("action", String.class),
            row.get("actor", String.class), row.get("reason", String.class), row.get("recorded_at", Instant.class),
            json.readTree(row.get("snapshot", Json.class).asString())))
        .all();
  }
}
