package org.pingliang.techmarket.marketplace.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/** An achievement from draft to the market and off it again, with its history and its events. */
class AchievementLifecycleTest extends ApiTest {

  @Autowired
  DatabaseClient database;

  private UUID organisation;

  @BeforeEach
  void a_verified_institute_of_user_university() {
    organisation = ListingTestData.organisation(as("university"), as("admin"), "UNIVERSITY", true);
  }

  private Map<?, ?> create() {
    return as("university").post().uri("/api/achievements").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ListingTestData.achievement(organisation)).exchange()
        .expectStatus().isCreated()
        .expectHeader().valueEquals("ETag", "\"1\"")
        .expectBody(Map.class).returnResult().getResponseBody();
  }

  private Map<?, ?> post(String user, UUID id, String action, Map<String, Object> body) {
    return as(user).post().uri("/api/achievements/{id}/" + action, id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
  }

  @Test
  void a_draft_is_submitted_reviewed_published_and_then_public() {
    var id = UUID.fromString((String) create().get("id"));
    http.get().uri("/api/achievements/{id}", id).exchange().expectStatus().isNotFound();

    post("university", id, "submission", Map.of("version", 1));
    as("admin").get().uri("/api/moderation/achievements?size=100").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$[?(@.id == '" + id + "')].status").isEqualTo("SUBMITTED");

    var published = post("admin", id, "publication", Map.of());
    assertThat(published.get("status")).isEqualTo("PUBLISHED");
    assertThat(published.get("publishedAt")).isNotNull();

    http.get().uri("/api/achievements/{id}", id).exchange().expectStatus().isOk()
        .expectHeader().valueEquals("ETag", "\"3\"")
        .expectBody()
        .jsonPath("$.title").isEqualTo("马铃薯脱毒种薯快繁技术")
        .jsonPath("$.ip.patents[0].applicationNumber").isEqualTo("202310123456.6")
        .jsonPath("$.askingPrice.amountFen").isEqualTo(50_000_000)
        .jsonPath("$.askingPrice.currency").isEqualTo("CNY");
    http.get().uri("/api/achievements?size=100").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.items[?(@.id == '" + id + "')]").exists();
  }

  @Test
  void a_withdrawn_achievement_leaves_the_public_list_but_stays_with_its_holder() {
    var id = UUID.fromString((String) create().get("id"));
    post("university", id, "submission", Map.of());
    post("admin", id, "publication", Map.of());
    post("university", id, "withdrawal", Map.of("reason", "专利许可已独家授予他方"));

    http.get().uri("/api/achievements/{id}", id).exchange().expectStatus().isNotFound();
    as("university").get().uri("/api/achievements/{id}", id).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");
    as("university").get().uri("/api/achievements?organisationId={org}&status=WITHDRAWN", organisation).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(id.toString());
  }

  @Test
  void a_rejection_needs_a_reason_and_the_holder_can_fix_and_resubmit() {
    var id = UUID.fromString((String) create().get("id"));
    post("university", id, "submission", Map.of());
    as("admin").post().uri("/api/achievements/{id}/rejection", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of()).exchange().expectStatus().isEqualTo(422)
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
    var rejected = post("admin", id, "rejection", Map.of("reason", "缺少中试数据"));
    assertThat(rejected.get("statusReason")).isEqualTo("缺少中试数据");

    var form = ListingTestData.achievement(organisation);
    form.put("description", "补充了 2025 年中试数据。");
    as("university").put().uri("/api/achievements/{id}", id).header("If-Match", "\"3\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(form).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DRAFT").jsonPath("$.version").isEqualTo(4);
    post("university", id, "submission", Map.of("version", 4));
  }

  @Test
  void every_change_is_in_the_history_and_in_the_outbox_with_its_version() {
    var id = UUID.fromString((String) create().get("id"));
    post("university", id, "submission", Map.of());
    post("admin", id, "publication", Map.of());

    as("university").get().uri("/api/achievements/{id}/history", id).exchange().expectStatus().isOk()
        .expectBody()
        .jsonPath("$[*].action").isEqualTo(List.of("CREATE", "SUBMIT", "PUBLISH"))
        .jsonPath("$[*].version").isEqualTo(List.of(1, 2, 3))
        .jsonPath("$[2].actor").isEqualTo("0b7e1000-0000-4000-8000-000000000007");

    var events = database.sql("SELECT type, aggregate_version FROM outbox_events WHERE aggregate_id = :id ORDER BY aggregate_version")
        .bind("id", id).map(row -> row.get("type", String.class) + "@" + row.get("aggregate_version", Long.class))
        .all().collectList().block();
    assertThat(events).containsExactly("AchievementCreated@1", "AchievementSubmitted@2", "AchievementPublished@3");
  }

  @Test
  void a_stale_version_is_409_and_changes_nothing() {
    var id = UUID.fromString((String) create().get("id"));
    var form = ListingTestData.achievement(organisation);
    form.put("title", "新标题");
    as("university").put().uri("/api/achievements/{id}", id).header("If-Match", "\"1\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(form).exchange().expectStatus().isOk();

    form.put("title", "覆盖别人的修改");
    as("university").put().uri("/api/achievements/{id}", id).header("If-Match", "\"1\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(form).exchange()
        .expectStatus().isEqualTo(409)
        .expectBody().jsonPath("$.type").isEqualTo(PROBLEM_BASE + "conflict");
    as("university").get().uri("/api/achievements/{id}", id).exchange().expectBody().jsonPath("$.title").isEqualTo("新标题");
  }

  @Test
  void an_illegal_transition_is_409() {
    var id = UUID.fromString((String) create().get("id"));
    as("admin").post().uri("/api/achievements/{id}/publication", id).exchange()
        .expectStatus().isEqualTo(409)
        .expectBody().jsonPath("$.type").isEqualTo(PROBLEM_BASE + "conflict");
  }

  @Test
  void an_unverified_organisation_cannot_submit_for_publication() {
    var pending = ListingTestData.organisation(as("university"), as("admin"), "RESEARCH_INSTITUTE", false);
    var created = as("university").post().uri("/api/achievements").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ListingTestData.achievement(pending)).exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody();
    as("university").post().uri("/api/achievements/{id}/submission", created.get("id")).exchange()
        .expectStatus().isEqualTo(409);
  }
}
