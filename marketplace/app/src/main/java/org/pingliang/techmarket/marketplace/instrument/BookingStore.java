package org.pingliang.techmarket.marketplace.instrument;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Parameters;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Bookings in PostgreSQL; the table's exclusion constraint is what forbids double booking. */
@Component
class BookingStore {

  static final String NO_OVERLAP = "instrument_bookings_no_overlap";

  private static final String SELECT = """
      SELECT b.*, i.name AS instrument_name, p.name AS provider_name, c.name AS booker_name
      FROM instrument_bookings b JOIN instruments i ON i.id = b.instrument_id
      JOIN organisations p ON p.id = b.provider_organisation_id JOIN organisations c ON c.id = b.booker_organisation_id
      """;

  private final DatabaseClient database;

  BookingStore(DatabaseClient database) {
    this.database = database;
  }

  Mono<Booking> find(UUID id) {
    return database.sql(SELECT + " WHERE b.id = :id").bind("id", id).map(BookingStore::read).one();
  }

  Mono<Booking> lock(UUID id) {
    return database.sql(SELECT + " WHERE b.id = :id FOR UPDATE OF b").bind("id", id).map(BookingStore::read).one();
  }

  /** Inserts a live booking; a slot overlapping another live booking of the instrument is a 409. */
  Mono<Void> insert(Booking booking) {
    return database.sql("""
            INSERT INTO instrument_bookings (id, instrument_id, provider_organisation_id, booker_organisation_id,
              booked_by, starts_at, ends_at, hours, fee_fen, purpose, status, created_at, updated_at, version)
            VALUES (:id, :instrument, :provider, :booker, :bookedBy, :startsAt, :endsAt, :hours, :fee, :purpose,
              :status, :now, :now, 1)""")
        .bind("id", booking.id()).bind("instrument", booking.instrumentId())
        .bind("provider", booking.providerOrganisationId()).bind("booker", booking.bookerOrganisationId())
        .bind("bookedBy", booking.bookedBy()).bind("startsAt", booking.startsAt()).bind("endsAt", booking.endsAt())
        .bind("hours", booking.hours()).bind("fee", booking.feeFen()).bind("purpose", booking.purpose())
        .bind("status", booking.status().name()).bind("now", booking.createdAt())
        .then()
        .onErrorMap(BookingStore::isOverlap, e -> InstrumentProblems.slotTaken());
  }

  /** PostgreSQL's exclusion_violation (23P01) on the no-overlap constraint, however the driver wraps it. */
  static boolean isOverlap(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof io.r2dbc.spi.R2dbcException r2dbc && "23P01".equals(r2dbc.getSqlState())) {
        return true;
      }
      if (cause instanceof DataIntegrityViolationException && String.valueOf(cause.getMessage()).contains(NO_OVERLAP)) {
        return true;
      }
    }
    return false;
  }

  Mono<Void> attachOrder(UUID id, UUID orderId) {
    return database.sql("UPDATE instrument_bookings SET order_id = :order WHERE id = :id")
        .bind("id", id).bind("order", orderId).then();
  }

  /** Moves a booking from one status to another; false when it was not in {@code from} (nothing written). */
  Mono<Boolean> move(UUID id, BookingStatus from, BookingStatus to, String reason, Instant now) {
    return database.sql("""
            UPDATE instrument_bookings SET status = :to, status_reason = COALESCE(:reason, status_reason),
              updated_at = :now, version = version + 1
            WHERE id = :id AND status = :from""")
        .bind("id", id).bind("from", from.name()).bind("to", to.name())
        .bind("reason", Parameters.nullable(reason, String.class)).bind("now", now)
        .fetch().rowsUpdated().map(rows -> rows == 1);
  }

  /** Bookings still awaiting payment that were made before {@code heldSince} or whose slot has begun. */
  Flux<UUID> unpaidSince(Instant heldSince, Instant now, int limit) {
    return database.sql("""
            SELECT id FROM instrument_bookings
            WHERE status = 'PENDING_PAYMENT' AND (created_at < :heldSince OR starts_at <= :now)
            ORDER BY created_at LIMIT :limit""")
        .bind("heldSince", heldSince).bind("now", now).bind("limit", limit)
        .map(row -> row.get("id", UUID.class)).all();
  }

  /** Live bookings of an instrument overlapping [from, to), for the slot picker. */
  Flux<Instant[]> busy(UUID instrumentId, Instant from, Instant to) {
    return database.sql("""
            SELECT starts_at, ends_at FROM instrument_bookings
            WHERE instrument_id = :id AND status <> 'CANCELLED' AND starts_at < :to AND ends_at > :from""")
        .bind("id", instrumentId).bind("from", from).bind("to", to)
        .map(row -> new Instant[] {row.get("starts_at", Instant.class), row.get("ends_at", Instant.class)}).all();
  }

  /** Bookings made by (booker) or made with (provider) these organisations, newest slot first. */
  Flux<Booking> of(boolean asProvider, List<UUID> organisations, BookingStatus status, Cursor after, int limit) {
    var column = asProvider ? "b.provider_organisation_id" : "b.booker_organisation_id";
    var sql = SELECT + " WHERE " + column + " = ANY(:organisations)"
        + (status == null ? "" : " AND b.status = :status")
        + (after == null ? "" : " AND (b.starts_at, b.id) < (:time, :cursorId)")
        + " ORDER BY b.starts_at DESC, b.id DESC LIMIT :limit";
    var spec = database.sql(sql).bind("organisations", organisations.toArray(UUID[]::new)).bind("limit", limit);
    if (status != null) {
      spec = spec.bind("status", status.name());
    }
    if (after != null) {
      spec = spec.bind("time", after.time()).bind("cursorId", after.id());
    }
    return spec.map(BookingStore::read).all();
  }

  private static Booking read(Readable row) {
    return new Booking(row.get("id", UUID.class), row.get("instrument_id", UUID.class),
        row.get("instrument_name", String.class), row.get("provider_organisation_id", UUID.class),
        row.get("provider_name", String.class), row.get("booker_organisation_id", UUID.class),
        row.get("booker_name", String.class), row.get("booked_by", String.class),
        row.get("starts_at", Instant.class), row.get("ends_at", Instant.class), row.get("hours", Integer.class),
        row.get("fee_fen", Long.class), row.get("purpose", String.class),
        BookingStatus.valueOf(row.get("status", String.class)), row.get("order_id", UUID.class),
        row.get("status_reason", String.class), row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class), row.get("version", Long.class));
  }
}
