package org.pingliang.techmarket.marketplace.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;

/** An offer past its expiry reads and is refused as expired at once; the sweep then marks it, with an event. */
class OfferExpiryTest extends NegotiationApiTest {

  @Autowired
  OfferExpiry expiry;

  @Autowired
  DatabaseClient database;

  @Test
  void an_expired_offer_cannot_be_accepted_and_the_sweep_records_its_expiry() {
    var room = room();
    var base = "/api/negotiations/" + room;
    var body = offer(6_000_000);
    body.put("expiresAt", OffsetDateTime.now().plusSeconds(2).toString());
    var offer = id(call(as("university"), HttpMethod.POST, base + "/offers", body).expectStatus().isCreated());

    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() ->
        "EXPIRED".equals(body(as("enterprise").get().uri(base + "/offers/" + offer).exchange()).get("status")));
    assertThat(storedStatus(offer)).isEqualTo("OPEN");
    problem(call(as("enterprise"), HttpMethod.POST, base + "/offers/" + offer + "/acceptance", null), 409, "conflict");
    problem(call(as("university"), HttpMethod.POST, base + "/offers/" + offer + "/withdrawal", null), 409, "conflict");

    assertThat(expiry.sweep().block()).isPositive();
    assertThat(storedStatus(offer)).isEqualTo("EXPIRED");
    assertThat(database.sql("""
            SELECT count(*) AS n FROM outbox_events
            WHERE aggregate_type = 'Negotiation' AND aggregate_id = :id AND type = 'OfferExpired'""")
        .bind("id", room).map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1L);
    assertThat(drafting.draftedFor(room)).isEmpty();
    // A fresh offer can follow the expired one.
    makeOffer("enterprise", room, 5_000_000);
  }

  private String storedStatus(UUID offer) {
    return database.sql("SELECT status FROM negotiation_offers WHERE id = :id").bind("id", offer)
        .map(row -> row.get("status", String.class)).one().block();
  }
}
