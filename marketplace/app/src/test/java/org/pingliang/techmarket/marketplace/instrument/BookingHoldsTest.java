package org.pingliang.techmarket.marketplace.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** An unpaid booking past its hold is cancelled with its order and frees its slot; a fresh one stays. */
class BookingHoldsTest extends InstrumentTestSupport {

  @Autowired
  BookingHolds holds;
  @Autowired
  DatabaseClient database;

  @Test
  void abandoned_checkouts_release_their_slots() {
    demo();
    var instrument = instrument();
    var request = bookingRequest(instrument, APPLE_ENTERPRISE, at(8, 10), 1);
    var oldBooking = booked("enterprise", request);
    var freshBooking = booked("enterprise", bookingRequest(instrument, APPLE_ENTERPRISE, at(8, 12), 1));
    var old = UUID.fromString((String) oldBooking.get("id"));
    var fresh = UUID.fromString((String) freshBooking.get("id"));
    database.sql("UPDATE instrument_bookings SET created_at = now() - interval '31 minutes' WHERE id = :id")
        .bind("id", old).then().block(Duration.ofSeconds(30));

    // The scheduled sweep may have got there first: either way the old one is cancelled, the fresh one not.
    holds.sweep().block(Duration.ofSeconds(30));

    as("enterprise").get().uri("/api/instrument-bookings/" + old).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
    as("enterprise").get().uri("/api/instrument-bookings/" + fresh).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("PENDING_PAYMENT");
    // The real checkout cancelled the abandoned order with it.
    assertThat(order("enterprise", UUID.fromString((String) oldBooking.get("orderId"))).get("status")).isEqualTo("CANCELLED");
    assertThat(order("enterprise", UUID.fromString((String) freshBooking.get("orderId"))).get("status")).isEqualTo("OPEN");
    // The hour is free again.
    booked("enterprise2", bookingRequest(instrument, POTATO_ENTERPRISE, at(8, 10), 1));
  }
}
