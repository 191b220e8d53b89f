package org.pingliang.techmarket.marketplace.listing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * For every listing route: the right role and member succeeds; a wrong role, a member of another
 * organisation and an anonymous caller are refused — and for unpublished records they get 404, the
 * same answer as for a record that does not exist.
 */
class ListingAuthorizationTest extends ApiTest {

  private UUID institute;
  private UUID enterprise;
  private UUID draft;

  @BeforeEach
  void a_draft_of_an_institute_and_a_demand_of_an_enterprise() {
    institute = ListingTestData.organisation(as("university"), as("admin"), "UNIVERSITY", true);
    enterprise = ListingTestData.organisation(as("enterprise"), as("admin"), "ENTERPRISE", true);
    ListingTestData.organisation(as("university2"), as("admin"), "RESEARCH_INSTITUTE", true);
    ListingTestData.organisation(as("enterprise2"), as("admin"), "ENTERPRISE", true);
    draft = createAchievement();
  }

  private UUID createAchievement() {
    return UUID.fromString((String) as("university").post().uri("/api/achievements").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ListingTestData.achievement(institute)).exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody().get("id"));
  }

  private UUID published() {
    var id = createAchievement();
    call(as("university"), HttpMethod.POST, "/api/achievements/" + id + "/submission", null, 200);
    call(as("admin"), HttpMethod.POST, "/api/achievements/" + id + "/publication", null, 200);
    return id;
  }

  private UUID demand() {
    return UUID.fromString((String) as("enterprise").post().uri("/api/demands").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ListingTestData.demand(enterprise)).exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody().get("id"));
  }

  private static void call(WebTestClient client, HttpMethod method, String uri, Object body, int status) {
    var request = client.method(method).uri(uri);
    var response = body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    response.expectStatus().isEqualTo(status);
  }

  private void refusedToOthers(HttpMethod method, String uri, Object body, int otherOrganisation, int wrongRole,
      String member, String wrongRoleUser) {
    call(as(member), method, uri, body, otherOrganisation);
    call(as(wrongRoleUser), method, uri, body, wrongRole);
    call(http, method, uri, body, method == HttpMethod.GET ? 404 : 401);
  }

  @Test
  void creating_an_achievement() {
    call(as("university2"), HttpMethod.POST, "/api/achievements", ListingTestData.achievement(institute), 403);
    call(as("enterprise"), HttpMethod.POST, "/api/achievements", ListingTestData.achievement(institute), 403);
    call(http, HttpMethod.POST, "/api/achievements", ListingTestData.achievement(institute), 401);
    call(as("university"), HttpMethod.POST, "/api/achievements", ListingTestData.achievement(institute), 201);
  }

  @Test
  void reading_a_draft_achievement() {
    refusedToOthers(HttpMethod.GET, "/api/achievements/" + draft, null, 404, 404, "university2", "enterprise");
    call(as("university"), HttpMethod.GET, "/api/achievements/" + draft, null, 200);
    call(as("admin"), HttpMethod.GET, "/api/achievements/" + draft, null, 200);
    // A record that does not exist answers exactly the same as one the caller may not see.
    call(as("university2"), HttpMethod.GET, "/api/achievements/" + UUID.randomUUID(), null, 404);
  }

  @Test
  void reading_a_published_achievement_is_public() {
    var id = published();
    call(http, HttpMethod.GET, "/api/achievements/" + id, null, 200);
    call(as("enterprise2"), HttpMethod.GET, "/api/achievements/" + id, null, 200);
  }

  @Test
  void listing_an_organisations_achievements() {
    var uri = "/api/achievements?organisationId=" + institute;
    refusedToOthers(HttpMethod.GET, uri, null, 404, 404, "university2", "enterprise");
    call(as("university"), HttpMethod.GET, uri, null, 200);
  }

  @Test
  void editing_an_achievement() {
    var uri = "/api/achievements/" + draft;
    var form = ListingTestData.achievement(institute);
    form.put("version", 1);
    refusedToOthers(HttpMethod.PUT, uri, form, 404, 403, "university2", "enterprise");
    call(as("admin"), HttpMethod.PUT, uri, form, 403);
    call(as("university"), HttpMethod.PUT, uri, form, 200);
  }

  @Test
  void submitting_and_archiving_an_achievement() {
    refusedToOthers(HttpMethod.POST, "/api/achievements/" + draft + "/submission", null, 404, 403, "university2", "enterprise");
    refusedToOthers(HttpMethod.POST, "/api/achievements/" + draft + "/archival", null, 404, 403, "university2", "enterprise");
    call(as("university"), HttpMethod.POST, "/api/achievements/" + draft + "/archival", null, 200);
  }

  @Test
  void reviewing_is_for_administrators_only() {
    call(as("university"), HttpMethod.POST, "/api/achievements/" + draft + "/submission", null, 200);
    for (var action : List.of("publication", "rejection")) {
      var uri = "/api/achievements/" + draft + "/" + action;
      call(as("university"), HttpMethod.POST, uri, Map.of("reason", "自己审自己"), 403);
      call(as("enterprise"), HttpMethod.POST, uri, Map.of("reason", "x"), 403);
      call(http, HttpMethod.POST, uri, Map.of("reason", "x"), 401);
    }
    call(as("university"), HttpMethod.GET, "/api/moderation/achievements", null, 403);
    call(http, HttpMethod.GET, "/api/moderation/achievements", null, 401);
    call(as("admin"), HttpMethod.GET, "/api/moderation/achievements", null, 200);
    call(as("admin"), HttpMethod.POST, "/api/achievements/" + draft + "/publication", null, 200);
  }

  @Test
  void withdrawing_a_published_achievement() {
    var uri = "/api/achievements/" + published() + "/withdrawal";
    refusedToOthers(HttpMethod.POST, uri, null, 403, 403, "university2", "enterprise");
    call(as("university"), HttpMethod.POST, uri, null, 200);
  }

  @Test
  void an_administrator_may_take_a_published_achievement_down() {
    call(as("admin"), HttpMethod.POST, "/api/achievements/" + published() + "/withdrawal", Map.of("reason", "违规信息"), 200);
  }

  @Test
  void reading_an_achievements_history() {
    var uri = "/api/achievements/" + draft + "/history";
    call(as("university2"), HttpMethod.GET, uri, null, 404);
    call(as("enterprise"), HttpMethod.GET, uri, null, 404);
    call(http, HttpMethod.GET, uri, null, 401);
    call(as("university"), HttpMethod.GET, uri, null, 200);
  }

  @Test
  void posting_a_demand() {
    call(as("enterprise2"), HttpMethod.POST, "/api/demands", ListingTestData.demand(enterprise), 403);
    call(as("university"), HttpMethod.POST, "/api/demands", ListingTestData.demand(enterprise), 403);
    call(http, HttpMethod.POST, "/api/demands", ListingTestData.demand(enterprise), 401);
    call(as("enterprise"), HttpMethod.POST, "/api/demands", ListingTestData.demand(enterprise), 201);
  }

  @Test
  void changing_a_demand() {
    var id = demand();
    var form = ListingTestData.demand(enterprise);
    form.put("version", 1);
    refusedToOthers(HttpMethod.PUT, "/api/demands/" + id, form, 403, 403, "enterprise2", "university");
    for (var action : List.of("negotiation", "solution")) {
      refusedToOthers(HttpMethod.POST, "/api/demands/" + id + "/" + action, null, 403, 403, "enterprise2", "university");
    }
    call(as("enterprise"), HttpMethod.PUT, "/api/demands/" + id, form, 200);
    call(as("enterprise"), HttpMethod.POST, "/api/demands/" + id + "/negotiation", null, 200);
    refusedToOthers(HttpMethod.POST, "/api/demands/" + id + "/reopening", null, 403, 403, "enterprise2", "university");
    call(as("enterprise"), HttpMethod.POST, "/api/demands/" + id + "/reopening", null, 200);
  }

  @Test
  void closing_a_demand_hides_it_from_everyone_but_its_poster_and_administrators() {
    var id = demand();
    refusedToOthers(HttpMethod.POST, "/api/demands/" + id + "/closure", null, 403, 403, "enterprise2", "university");
    call(as("admin"), HttpMethod.POST, "/api/demands/" + id + "/closure", Map.of("reason", "重复发布"), 200);
    refusedToOthers(HttpMethod.GET, "/api/demands/" + id, null, 404, 404, "enterprise2", "university");
    call(as("enterprise"), HttpMethod.GET, "/api/demands/" + id, null, 200);
    call(as("enterprise"), HttpMethod.GET, "/api/demands/" + id + "/history", null, 200);
    call(as("enterprise2"), HttpMethod.GET, "/api/demands/" + id + "/history", null, 404);
    call(http, HttpMethod.GET, "/api/demands/" + id + "/history", null, 401);
  }

  @Test
  void curating_a_package() {
    var body = Map.of("title", "静宁苹果成果包", "theme", "静宁苹果", "description", "苹果全产业链技术",
        "achievementIds", List.of(published()));
    call(as("university"), HttpMethod.POST, "/api/achievement-packages", body, 403);
    call(as("enterprise"), HttpMethod.POST, "/api/achievement-packages", body, 403);
    call(http, HttpMethod.POST, "/api/achievement-packages", body, 401);
    var id = as("broker").post().uri("/api/achievement-packages").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

    call(http, HttpMethod.GET, "/api/achievement-packages/" + id, null, 404);
    call(as("enterprise"), HttpMethod.GET, "/api/achievement-packages/" + id, null, 404);
    call(as("university"), HttpMethod.POST, "/api/achievement-packages/" + id + "/publication", null, 403);
    call(http, HttpMethod.POST, "/api/achievement-packages/" + id + "/publication", null, 401);
    call(as("broker"), HttpMethod.POST, "/api/achievement-packages/" + id + "/publication", null, 200);
    call(http, HttpMethod.GET, "/api/achievement-packages/" + id, null, 200);
    call(as("enterprise"), HttpMethod.GET, "/api/achievement-packages/" + id + "/history", null, 403);
    call(as("broker"), HttpMethod.GET, "/api/achievement-packages/" + id + "/history", null, 200);
    call(as("admin"), HttpMethod.POST, "/api/achievement-packages/" + id + "/withdrawal", null, 200);
  }
}
