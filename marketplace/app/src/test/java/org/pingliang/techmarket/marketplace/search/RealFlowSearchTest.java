package org.pingliang.techmarket.marketplace.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.listing.ListingTestData;
import org.springframework.http.MediaType;

/**
 * The whole way, nothing stood in: a university publishes an achievement through the API →
 * outbox → Redis stream → the real search-indexer process (with its embedding model) →
 * Elasticsearch → /api/search finds it under a synonym, with both ranks; withdrawn, it disappears.
 */
class RealFlowSearchTest extends ApiTest {

  private static final Duration PATIENCE = Duration.ofSeconds(120);

  private static SearchIndexerProcess indexer;

  @BeforeAll
  static void startIndexer() {
    indexer = SearchIndexerProcess.start();
  }

  @AfterAll
  static void stopIndexer() throws InterruptedException {
    if (indexer != null) {
      indexer.close();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void a_published_achievement_is_found_and_a_withdrawn_one_disappears() {
    var university = as("university");
    var admin = as("admin");
    var organisation = ListingTestData.organisation(university, admin, "UNIVERSITY", true);
    var tag = "全链路" + UUID.randomUUID().toString().substring(0, 8);
    var form = ListingTestData.achievement(organisation);
    form.put("title", "庄浪马铃薯脱毒种薯雾培快繁技术");
    form.put("industryTags", List.of(tag, "马铃薯"));
    Map<String, Object> created = university.post().uri("/api/achievements").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(form).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    var id = created.get("id");
    act(university, id, "submission");
    act(admin, id, "publication");

    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      assertThat(indexer.isAlive()).as("search-indexer runs (log: %s)", indexer.log()).isTrue();
      var page = search("土豆", tag, "bm25");
      assertThat(SearchApiTest.ids(page)).containsExactly(id);
    });

    // The indexer stored a vector too: hybrid ranks it in both lists; the holder is verified.
    await().atMost(PATIENCE).untilAsserted(() -> {
      var item = SearchApiTest.items(search("马铃薯脱毒种薯快繁", tag, "hybrid")).getFirst();
      var breakdown = (Map<String, Object>) item.get("breakdown");
      assertThat(breakdown.get("bm25Rank")).isEqualTo(1);
      assertThat(breakdown.get("vectorRank")).isEqualTo(1);
      assertThat(((Map<String, Object>) breakdown.get("boosts")).get("verifiedHolder")).isEqualTo(0.1);
      assertThat(((Map<String, Object>) item.get("holder")).get("verified")).isEqualTo(true);
    });

    act(university, id, "withdrawal");

    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      assertThat(SearchApiTest.ids(search("土豆", tag, "bm25"))).isEmpty();
      assertThat(SearchApiTest.ids(search("土豆", tag, "hybrid"))).isEmpty();
    });
  }

  private Map<String, Object> search(String q, String tag, String mode) {
    @SuppressWarnings("unchecked")
    Map<String, Object> page = http.get().uri(uri -> uri.path("/api/search").queryParam("q", q)
            .queryParam("industry", tag).queryParam("mode", mode).build())
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    return page;
  }

  private static void act(org.springframework.test.web.reactive.server.WebTestClient client, Object id, String action) {
    client.post().uri("/api/achievements/{id}/" + action, id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("reason", "测试")).exchange().expectStatus().isOk();
  }
}
