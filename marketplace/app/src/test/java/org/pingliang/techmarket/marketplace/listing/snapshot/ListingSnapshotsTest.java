package org.pingliang.techmarket.marketplace.listing.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.postgresql.codec.Json;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.listing.ListingTestData;
import org.pingliang.techmarket.testsupport.DevServices;
import org.pingliang.techmarket.testsupport.KeycloakTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** The indexer's view of the database: every listing, its version and its latest event's payload. */
class ListingSnapshotsTest extends ApiTest {

  @Autowired
  DatabaseClient database;

  @Autowired
  JsonMapper json;

  private UUID organisation;

  @BeforeEach
  void a_verified_institute_of_user_university() {
    organisation = ListingTestData.organisation(as("university"), as("admin"), "UNIVERSITY", true);
  }

  private WebTestClient service() {
    return withToken(KeycloakTokens.client("techmarket-service", DevServices.get("TECHMARKET_SERVICE_CLIENT_SECRET")));
  }

  @Test
  void anonymous_callers_are_refused_with_401() {
    http.get().uri("/api/listing-snapshots").exchange().expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void users_of_any_role_are_refused_with_403_even_admin_and_the_listing_holder() {
    for (var user : List.of("university", "enterprise", "broker", "commissioner", "admin")) {
      as(user).get().uri("/api/listing-snapshots").exchange().expectStatus().isForbidden();
    }
  }

  @Test
  void a_draft_and_its_changes_appear_with_the_version_and_the_payload_its_latest_event_carried() {
    var created = as("university").post().uri("/api/achievements").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ListingTestData.achievement(organisation)).exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody();
    var id = UUID.fromString((String) created.get("id"));
    as("university").post().uri("/api/achievements/{id}/submission", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("version", 1)).exchange().expectStatus().isOk();

    var page = pageFrom(justBefore(id), 1, true);
    var items = (List<?>) page.get("items");
    assertThat(items).hasSize(1);
    var item = (Map<?, ?>) items.getFirst();
    assertThat(item.get("id")).isEqualTo(id.toString());
    assertThat(item.get("type")).isEqualTo("Achievement");
    assertThat(item.get("version")).isEqualTo(2);
    var payload = (Map<?, ?>) item.get("payload");
    assertThat(payload.get("status")).isEqualTo("SUBMITTED");
    assertThat(payload.get("title")).isEqualTo("马铃薯脱毒种薯快繁技术");

    // The very payload of the event of version 2, as the outbox stored it.
    var eventPayload = database.sql("""
            SELECT payload FROM outbox_events WHERE aggregate_id = :id AND aggregate_version = 2""")
        .bind("id", id).map(row -> row.get("payload", Json.class).asString()).one().block();
    assertThat(json.readTree(json.writeValueAsString(payload))).isEqualTo(json.readTree(eventPayload));
    assertThat(page.get("nextCursor")).as("a full page has a next page").isNotNull();
  }

  @Test
  void pages_follow_each_other_in_id_order_and_ids_only_leave_the_payload_out() {
    var first = as("enterprise");
    var enterprise = ListingTestData.organisation(first, as("admin"), "ENTERPRISE", true);
    var ids = new java.util.ArrayList<UUID>();
    for (var i = 0; i < 3; i++) {
      var created = first.post().uri("/api/demands").contentType(MediaType.APPLICATION_JSON)
          .bodyValue(ListingTestData.demand(enterprise)).exchange().expectStatus().isCreated()
          .expectBody(Map.class).returnResult().getResponseBody();
      ids.add(UUID.fromString((String) created.get("id")));
    }
    // UUID v7 ids grow with time, so the three are next to each other unless another test interleaves.
    var seen = new java.util.ArrayList<String>();
    String cursor = justBefore(ids.getFirst());
    for (var round = 0; round < 10 && seen.size() < 3; round++) {
      var page = pageFrom(cursor, 2, false);
      for (var item : (List<?>) page.get("items")) {
        @SuppressWarnings("unchecked") var fields = (Map<String, Object>) item;
        assertThat(fields).doesNotContainKey("payload");
        if (ids.contains(UUID.fromString((String) fields.get("id")))) {
          seen.add((String) fields.get("id"));
          assertThat(fields.get("type")).isEqualTo("Demand");
          assertThat(fields.get("version")).isEqualTo(1);
        }
      }
      cursor = (String) page.get("nextCursor");
    }
    assertThat(seen).containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
  }

  @Test
  void a_garbled_cursor_is_400_and_a_size_out_of_range_is_422() {
    service().get().uri("/api/listing-snapshots?cursor=not-a-cursor").exchange().expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
    service().get().uri("/api/listing-snapshots?size=0").exchange().expectStatus().isEqualTo(422);
    service().get().uri("/api/listing-snapshots?size=1001").exchange().expectStatus().isEqualTo(422);
  }

  private Map<?, ?> pageFrom(String cursor, int size, boolean payload) {
    return service().get()
        .uri("/api/listing-snapshots?cursor={cursor}&size={size}&payload={payload}", cursor, size, payload)
        .exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
  }

  /** A cursor that makes the next page start at {@code id}. */
  private static String justBefore(UUID id) {
    return ListingSnapshotsController.encode(new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits() - 1));
  }
}
