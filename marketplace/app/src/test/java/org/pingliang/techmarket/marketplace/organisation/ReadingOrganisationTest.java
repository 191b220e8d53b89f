package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GET /api/organisations/{id}: verified organisations are public; the others exist only for their
 * members and administrators, and everyone else gets the very same 404 as for an id never used.
 */
class ReadingOrganisationTest extends OrganisationApiTest {

  private WebTestClient.ResponseSpec get(WebTestClient client, UUID id) {
    return client.get().uri(ORGANISATIONS + "/{id}", id).exchange();
  }

  @Test
  void a_verified_organisation_is_public() {
    var verified = registerVerified("enterprise");
    for (var client : new WebTestClient[] {http, as("enterprise2"), as("broker")}) {
      get(client, verified.id()).expectStatus().isOk()
          .expectHeader().contentType(MediaType.APPLICATION_JSON)
          .expectHeader().valueEquals("ETag", "\"1\"")
          .expectBody()
          .jsonPath("$.id").isEqualTo(verified.id().toString())
          .jsonPath("$.verificationStatus").isEqualTo("VERIFIED")
          .jsonPath("$.rejectionReason").isEmpty();
    }
  }

  @Test
  void a_pending_organisation_is_seen_by_its_members_and_administrators() {
    var pending = register("university");
    addMember("university", pending.id(), UNIVERSITY2, "MEMBER");
    for (var username : new String[] {"university", "university2", "admin"}) {
      get(as(username), pending.id()).expectStatus().isOk()
          .expectBody().jsonPath("$.verificationStatus").isEqualTo("PENDING");
    }
  }

  @Test
  void a_pending_organisation_is_404_for_anyone_else() {
    var pending = register("enterprise");
    registerVerified("enterprise2");
    notFound(get(http, pending.id()));
    notFound(get(as("enterprise2"), pending.id()));
    notFound(get(as("broker"), pending.id()));
  }

  @Test
  void a_rejected_organisation_shows_its_reason_to_members_and_is_404_for_others() {
    var rejected = registerRejected("commissioner");
    get(as("commissioner"), rejected.id()).expectStatus().isOk().expectBody()
        .jsonPath("$.verificationStatus").isEqualTo("REJECTED")
        .jsonPath("$.rejectionReason").isEqualTo("营业执照照片不清晰");
    notFound(get(http, rejected.id()));
    notFound(get(as("enterprise"), rejected.id()));
  }

  @Test
  void a_private_organisation_answers_exactly_like_one_that_does_not_exist() {
    var pending = register("broker");
    var hidden = get(as("enterprise"), pending.id()).expectBody(Map.class).returnResult().getResponseBody();
    var missing = get(as("enterprise"), UUID.randomUUID()).expectBody(Map.class).returnResult().getResponseBody();
    assertThat(hidden).containsEntry("status", 404)
        .containsEntry("type", missing.get("type"))
        .containsEntry("title", missing.get("title"))
        .containsEntry("detail", missing.get("detail"))
        .doesNotContainKeys("id", "name", "errors");
  }

  @Test
  void an_id_that_is_no_uuid_is_400() {
    problem(http.get().uri(ORGANISATIONS + "/not-a-uuid").exchange(), HttpStatus.BAD_REQUEST, "malformed-request")
        .jsonPath("$.errors[0].field").isEqualTo("id");
  }

  @Test
  void the_region_name_follows_the_request_language() {
    var verified = registerVerified("enterprise", with(registration("ENTERPRISE"), "regionCode", "620826"));
    get(http, verified.id()).expectBody().jsonPath("$.regionName").isEqualTo("静宁县");
    http.get().uri(ORGANISATIONS + "/{id}", verified.id()).header("Accept-Language", "en").exchange()
        .expectBody().jsonPath("$.regionName").isEqualTo("Jingning County");
  }

  @Test
  void an_unchanged_organisation_is_not_sent_again() {
    var verified = registerVerified("broker");
    http.get().uri(ORGANISATIONS + "/{id}", verified.id()).header("If-None-Match", "\"1\"").exchange()
        .expectStatus().isNotModified();
  }

  private static void notFound(WebTestClient.ResponseSpec response) {
    problem(response, HttpStatus.NOT_FOUND, "not-found");
  }
}
