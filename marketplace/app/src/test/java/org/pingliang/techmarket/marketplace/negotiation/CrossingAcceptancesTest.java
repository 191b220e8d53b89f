package org.pingliang.techmarket.marketplace.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Acceptances fired at the same instant: whatever the interleaving, a room ends with exactly one
 * accepted offer and exactly one contract draft; every other request is refused with 409.
 */
class CrossingAcceptancesTest extends NegotiationApiTest {

  @Autowired
  DatabaseClient database;

  @Test
  void both_parties_accepting_crossing_offers_at_once_make_exactly_one_contract() throws Exception {
    // A second editor on each side, so both sides have two people clicking "accept" at once.
    addMember(as("enterprise"), enterprise, UNIVERSITY2, "EDITOR");
    addMember(as("university"), institute, COMMISSIONER, "EDITOR");
    for (var round = 0; round < 5; round++) {
      var room = room();
      var buyersOffer = makeOffer("enterprise", room, 40_000_000);
      var sellersCounter = makeOffer("university", room, 45_000_000);
      var base = "/api/negotiations/" + room + "/offers/";
      // The seller accepts the buyer's (just superseded) offer while the buyer accepts the seller's counter.
      var statuses = fireTogether(List.of(
          () -> status(as("university"), base + buyersOffer + "/acceptance"),
          () -> status(as("commissioner"), base + buyersOffer + "/acceptance"),
          () -> status(as("enterprise"), base + sellersCounter + "/acceptance"),
          () -> status(as("university2"), base + sellersCounter + "/acceptance")));

      assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(3);
      assertThat(drafting.draftedFor(room)).hasSize(1);
      assertThat(acceptedOffers(room)).isEqualTo(1);
      assertThat(drafting.draftedFor(room).getFirst().offerId()).isEqualTo(sellersCounter);
    }
  }

  @Test
  void an_acceptance_racing_a_counter_offer_leaves_one_consistent_outcome() throws Exception {
    for (var round = 0; round < 5; round++) {
      var room = roomOn(publishedAchievement());
      var offer = makeOffer("university", room, 40_000_000);
      var statuses = fireTogether(List.<Callable<Integer>>of(
          () -> status(as("enterprise"), "/api/negotiations/" + room + "/offers/" + offer + "/acceptance"),
          () -> call(as("enterprise"), HttpMethod.POST, "/api/negotiations/" + room + "/offers", offer(41_000_000))
              .expectBody(String.class).returnResult().getStatus().value()));
      // Either the acceptance came first (the counter-offer finds the room agreed) or the counter-offer did
      // (the acceptance finds the offer superseded): never both, never a contract for a superseded offer.
      var accepted = statuses.get(0) == 200;
      assertThat(statuses).containsExactly(accepted ? 200 : 409, accepted ? 409 : 201);
      assertThat(drafting.draftedFor(room)).hasSize(accepted ? 1 : 0);
      assertThat(acceptedOffers(room)).isEqualTo(accepted ? 1 : 0);
    }
  }

  private static List<Integer> fireTogether(List<Callable<Integer>> requests) throws Exception {
    var start = new CountDownLatch(1);
    try (var pool = Executors.newFixedThreadPool(requests.size())) {
      var futures = new ArrayList<Future<Integer>>();
      for (var request : requests) {
        futures.add(pool.submit(() -> {
          start.await();
          return request.call();
        }));
      }
      start.countDown();
      var statuses = new ArrayList<Integer>();
      for (var future : futures) {
        statuses.add(future.get());
      }
      return statuses;
    }
  }

  private static int status(WebTestClient client, String uri) {
    return client.post().uri(uri).exchange().expectBody(String.class).returnResult().getStatus().value();
  }

  private long acceptedOffers(UUID room) {
    return database.sql("SELECT count(*) AS n FROM negotiation_offers WHERE negotiation_id = :id AND status = 'ACCEPTED'")
        .bind("id", room).map(row -> row.get("n", Long.class)).one().block();
  }
}
