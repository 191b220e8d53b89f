package org.pingliang.techmarket.marketplace.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Two enterprises ask for the same hour of one instrument at the same moment, over HTTP against the
 * real PostgreSQL: exactly one booking is made, the other gets 409 problem+json.
 */
class ConcurrentBookingTest extends InstrumentTestSupport {

  @Autowired
  DatabaseClient database;

  @Test
  void two_concurrent_bookings_of_one_slot_make_exactly_one_booking() throws Exception {
    demo();
    var apple = as("enterprise");
    var potato = as("enterprise2");
    try (var pool = Executors.newFixedThreadPool(2)) {
      for (var round = 0; round < 5; round++) {
        var instrument = instrument();
        var startsAt = at(2 + round, 10);
        // Overlapping, not identical: 10–12 and 11–12.
        var requests = List.of(bookingRequest(instrument, APPLE_ENTERPRISE, startsAt, 2),
            bookingRequest(instrument, POTATO_ENTERPRISE, startsAt.plusHours(1), 1));
        var clients = List.of(apple, potato);
        var start = new CountDownLatch(1);
        var answers = new ArrayList<Future<Map.Entry<Integer, String>>>();
        for (var i = 0; i < 2; i++) {
          var client = clients.get(i);
          var request = requests.get(i);
          answers.add(pool.submit(() -> {
            start.await();
            var result = client.post().uri("/api/instrument-bookings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request).exchange().expectBody(String.class).returnResult();
            return Map.entry(result.getStatus().value(),
                String.valueOf(result.getResponseHeaders().getContentType()) + " " + result.getResponseBody());
          }));
        }
        start.countDown();
        var statuses = new ArrayList<Integer>();
        String refusal = null;
        for (var answer : answers) {
          var entry = answer.get(60, TimeUnit.SECONDS);
          statuses.add(entry.getKey());
          if (entry.getKey() == 409) {
            refusal = entry.getValue();
          }
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(refusal).startsWith("application/problem+json").contains("problems/conflict");
        var live = database.sql("SELECT count(*) AS n FROM instrument_bookings WHERE instrument_id = :id "
                + "AND status <> 'CANCELLED'")
            .bind("id", instrument).map(row -> row.get("n", Long.class)).one().block();
        assertThat(live).isEqualTo(1L);
      }
    }
  }
}
