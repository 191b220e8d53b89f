package org.pingliang.techmarket.marketplace.instrument;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Instruments and their availability windows in PostgreSQL. */
@Component
class InstrumentStore {

  private static final String SELECT = """
      SELECT i.*, o.name AS organisation_name,
        COALESCE((SELECT array_agg(a.day_of_week * 10000 + a.start_hour * 100 + a.end_hour
                                   ORDER BY a.day_of_week, a.start_hour)
                  FROM instrument_availability a WHERE a.instrument_id = i.id), '{}') AS windows
      FROM instruments i JOIN organisations o ON o.id = i.organisation_id
      """;

  private final DatabaseClient database;

  InstrumentStore(DatabaseClient database) {
    this.database = database;
  }

  Mono<Instrument> find(UUID id) {
    return database.sql(SELECT + " WHERE i.id = :id").bind("id", id).map(InstrumentStore::read).one();
  }

  Mono<Instrument> lock(UUID id) {
    return database.sql(SELECT + " WHERE i.id = :id FOR UPDATE OF i").bind("id", id).map(InstrumentStore::read).one();
  }

  /** Public instruments, newest first, optionally of one category, county or holder and matching a text. */
  Flux<Instrument> search(InstrumentCategory category, String countyCode, UUID organisationId, boolean publicOnly,
      String text, Cursor after, int limit) {
    var sql = new StringBuilder(SELECT).append(" WHERE TRUE");
    if (publicOnly) {
      sql.append(" AND i.status = 'ACTIVE'");
    }
    if (category != null) {
      sql.append(" AND i.category = :category");
    }
    if (countyCode != null) {
      sql.append(" AND i.county_code = :county");
    }
    if (organisationId != null) {
      sql.append(" AND i.organisation_id = :organisation");
    }
    if (text != null) {
      sql.append(" AND (strpos(i.name, :text) > 0 OR strpos(i.model, :text) > 0 OR strpos(i.description, :text) > 0)");
    }
    if (after != null) {
      sql.append(" AND (i.created_at, i.id) < (:time, :id)");
    }
    sql.append(" ORDER BY i.created_at DESC, i.id DESC LIMIT :limit");
    var spec = database.sql(sql.toString()).bind("limit", limit);
    if (category != null) {
      spec = spec.bind("category", category.name());
    }
    if (countyCode != null) {
      spec = spec.bind("county", countyCode);
    }
    if (organisationId != null) {
      spec = spec.bind("organisation", organisationId);
    }
    if (text != null) {
      spec = spec.bind("text", text);
    }
    if (after != null) {
      spec = spec.bind("time", after.time()).bind("id", after.id());
    }
    return spec.map(InstrumentStore::read).all();
  }

  Mono<Void> insert(Instrument instrument) {
    return bind(database.sql("""
            INSERT INTO instruments (id, organisation_id, name, model, category, description, location, county_code,
              hourly_fee_fen, booking_rules, max_hours_per_booking, min_notice_hours, status, created_by, created_at,
              updated_at, version)
            VALUES (:id, :organisation, :name, :model, :category, :description, :location, :county, :fee, :rules,
              :maxHours, :notice, :status, :createdBy, :createdAt, :updatedAt, :version)
            ON CONFLICT (id) DO NOTHING"""), instrument)
        .bind("organisation", instrument.organisationId())
        .bind("createdBy", instrument.createdBy())
        .bind("createdAt", instrument.createdAt())
        .fetch().rowsUpdated()
        .flatMap(rows -> rows == 1 ? windows(instrument) : Mono.empty());
  }

  Mono<Void> update(Instrument instrument) {
    return bind(database.sql("""
            UPDATE instruments SET name = :name, model = :model, category = :category, description = :description,
              location = :location, county_code = :county, hourly_fee_fen = :fee, booking_rules = :rules,
              max_hours_per_booking = :maxHours, min_notice_hours = :notice, status = :status,
              updated_at = :updatedAt, version = :version
            WHERE id = :id AND version = :version - 1"""), instrument)
        .fetch().rowsUpdated()
        .flatMap(rows -> rows == 1 ? Mono.<Void>empty()
            : Mono.error(new IllegalStateException("instrument " + instrument.id() + " changed under a row lock")))
        .then(database.sql("DELETE FROM instrument_availability WHERE instrument_id = :id")
            .bind("id", instrument.id()).then())
        .then(windows(instrument));
  }

  private Mono<Void> windows(Instrument instrument) {
    return Flux.fromIterable(instrument.content().availability())
        .concatMap(w -> database.sql("""
                INSERT INTO instrument_availability (instrument_id, day_of_week, start_hour, end_hour)
                VALUES (:id, :day, :start, :end)""")
            .bind("id", instrument.id()).bind("day", (short) w.dayOfWeek()).bind("start", (short) w.startHour())
            .bind("end", (short) w.endHour()).then())
        .then();
  }

  private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Instrument instrument) {
    var c = instrument.content();
    return spec.bind("id", instrument.id()).bind("name", c.name()).bind("model", c.model())
        .bind("category", c.category().name()).bind("description", c.description()).bind("location", c.location())
        .bind("county", c.countyCode()).bind("fee", c.hourlyFeeFen()).bind("rules", c.bookingRules())
        .bind("maxHours", c.maxHoursPerBooking()).bind("notice", c.minNoticeHours())
        .bind("status", instrument.status().name()).bind("updatedAt", instrument.updatedAt())
        .bind("version", instrument.version());
  }

  private static Instrument read(Readable row) {
    var packed = row.get("windows", Integer[].class);
    var windows = java.util.Arrays.stream(packed == null ? new Integer[0] : packed)
        .map(p -> new Instrument.Window(p / 10000, p / 100 % 100, p % 100)).toList();
    var content = new Instrument.Content(row.get("name", String.class), row.get("model", String.class),
        InstrumentCategory.valueOf(row.get("category", String.class)), row.get("description", String.class),
        row.get("location", String.class), row.get("county_code", String.class),
        row.get("hourly_fee_fen", Long.class), row.get("booking_rules", String.class),
        row.get("max_hours_per_booking", Integer.class), row.get("min_notice_hours", Integer.class),
        List.copyOf(windows));
    return new Instrument(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
        row.get("organisation_name", String.class), content,
        Instrument.Status.valueOf(row.get("status", String.class)), row.get("created_by", String.class),
        row.get("created_at", Instant.class), row.get("updated_at", Instant.class), row.get("version", Long.class));
  }
}
