package org.pingliang.techmarket.marketplace.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.springframework.http.MediaType;

/** Demands through their lifecycle, and packages that show only what is still on the market. */
class DemandsAndPackagesTest extends ApiTest {

  @Test
  void a_demand_is_public_from_posting_through_negotiation_to_solution() {
    var enterprise = ListingTestData.organisation(as("enterprise"), as("admin"), "ENTERPRISE", true);
    var form = ListingTestData.demand(enterprise);
    form.put("challenge", Map.of("bounty", Map.of("amountFen", 30_000_000, "currency", "CNY")));
    var id = as("enterprise").post().uri("/api/demands").contentType(MediaType.APPLICATION_JSON).bodyValue(form)
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

    http.get().uri("/api/demands?challenge=true&size=100").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.items[?(@.id == '" + id + "')].bounty.amountFen").isEqualTo(30_000_000);
    as("enterprise").post().uri("/api/demands/{id}/negotiation", id).exchange().expectStatus().isOk();
    http.get().uri("/api/demands/{id}", id).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("IN_NEGOTIATION");
    as("enterprise").post().uri("/api/demands/{id}/solution", id).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("SOLVED").jsonPath("$.version").isEqualTo(3);
    as("enterprise").post().uri("/api/demands/{id}/reopening", id).exchange().expectStatus().isEqualTo(409);
  }

  @Test
  void an_unverified_enterprise_cannot_post_a_public_demand() {
    var pending = ListingTestData.organisation(as("enterprise"), as("admin"), "ENTERPRISE", false);
    as("enterprise").post().uri("/api/demands").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ListingTestData.demand(pending)).exchange().expectStatus().isEqualTo(409);
  }

  @Test
  void a_package_shows_its_achievements_in_order_and_hides_withdrawn_ones() {
    var institute = ListingTestData.organisation(as("university"), as("admin"), "UNIVERSITY", true);
    var first = publishedAchievement(institute);
    var second = publishedAchievement(institute);
    var pkg = as("admin").post().uri("/api/achievement-packages").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("title", "庄浪马铃薯成果包", "theme", "庄浪马铃薯", "industryTags", List.of("马铃薯"),
            "regionCode", "620825", "description", "从脱毒种薯到淀粉加工", "achievementIds", List.of(second, first)))
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    as("admin").post().uri("/api/achievement-packages/{id}/publication", pkg).exchange().expectStatus().isOk();

    http.get().uri("/api/achievement-packages/{id}", pkg).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.achievements[*].id").isEqualTo(List.of(second.toString(), first.toString()));

    as("university").post().uri("/api/achievements/{id}/withdrawal", second).exchange().expectStatus().isOk();
    var shown = http.get().uri("/api/achievement-packages/{id}", pkg).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat((List<?>) shown.get("achievements")).hasSize(1);
    http.get().uri("/api/achievement-packages?size=100").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.items[?(@.id == '" + pkg + "')].theme").isEqualTo("庄浪马铃薯");
  }

  private UUID publishedAchievement(UUID institute) {
    var id = as("university").post().uri("/api/achievements").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ListingTestData.achievement(institute)).exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody().get("id");
    as("university").post().uri("/api/achievements/{id}/submission", id).exchange().expectStatus().isOk();
    as("admin").post().uri("/api/achievements/{id}/publication", id).exchange().expectStatus().isOk();
    return UUID.fromString((String) id);
  }
}
