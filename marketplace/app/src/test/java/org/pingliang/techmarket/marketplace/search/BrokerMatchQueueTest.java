package org.pingliang.techmarket.marketplace.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.listing.ListingTestData;
import org.pingliang.techmarket.search.embedding.TextEmbedder;
import org.pingliang.techmarket.search.query.SearchCluster;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

/**
 * A demand posted through the API travels outbox → Redis stream → the match queue's own consumer
 * group, which finds the achievement already in the real index, stores the pair once and announces
 * it over Redis pub/sub to a broker's SSE stream.
 */
class BrokerMatchQueueTest extends ApiTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Autowired
  SearchCluster cluster;

  @Autowired
  TextEmbedder embedder;

  @Value("${techmarket.search.index-prefix}")
  String prefix;

  @Test
  @SuppressWarnings("unchecked")
  void a_new_demand_with_a_strong_match_is_queued_once_and_announced_live() throws Exception {
    var index = new SearchTestIndex(cluster.client(), embedder, prefix);
    index.ensureExists();
    var tag = "撮合" + UUID.randomUUID().toString().substring(0, 8);
    // A made-up variety name keeps this pair apart from the same texts of earlier runs.
    var variety = SearchApiTest.brand();
    var achievement = SearchTestIndex.achievement(variety + "马铃薯贮藏保鲜与腐烂病害防控技术", tag);
    achievement.put("summary", "庄浪马铃薯窖藏通风控温，生物防腐，贮藏期腐烂率降到 3% 以下。");
    index.put(achievement);

    // Listen first, as a broker's browser would, and go on once the stream says it is subscribed.
    var ready = new CompletableFuture<Void>();
    var heard = new CompletableFuture<Map<String, Object>>();
    var subscription = as("broker").get().uri("/api/broker/match-queue/events").accept(MediaType.TEXT_EVENT_STREAM)
        .exchange().expectStatus().isOk()
        .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
        .getResponseBody()
        .doOnNext(event -> {
          if ("ready".equals(event.event())) {
            ready.complete(null);
          }
        })
        .filter(event -> "match".equals(event.event()) && event.data() != null
            && achievement.get("id").equals(event.data().get("achievementId")))
        .next()
        .subscribe(event -> heard.complete(event.data()));
    ready.get(30, TimeUnit.SECONDS);

    var enterprise = as("enterprise");
    var organisation = ListingTestData.organisation(enterprise, as("admin"), "ENTERPRISE", true);
    var form = ListingTestData.demand(organisation);
    form.put("title", variety + "马铃薯贮藏期腐烂损耗大");
    form.put("problem", "庄浪" + variety + "马铃薯窖藏三个月后腐烂率超过 10%，需要贮藏保鲜、通风控温和病害防控技术。");
    form.put("expectedOutcome", "贮藏期腐烂率降到 3% 以下。");
    form.put("technologyField", "AGRICULTURE");
    form.put("industryTags", List.of(tag));
    form.put("regionCode", "620825");
    var demand = enterprise.post().uri("/api/demands").contentType(MediaType.APPLICATION_JSON).bodyValue(form)
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    var demandId = demand.get("id");

    var entry = await().atMost(PATIENCE).until(() -> find(demandId, achievement.get("id"), "NEW"), found -> found != null);
    assertThat(entry).containsEntry("demandTitle", variety + "马铃薯贮藏期腐烂损耗大")
        .containsEntry("achievementTitle", achievement.get("title")).containsEntry("status", "NEW");
    var reasons = (Map<String, Object>) entry.get("reasons");
    assertThat((List<Object>) reasons.get("matchedTerms")).hasSizeGreaterThanOrEqualTo(3);
    assertThat((List<Object>) reasons.get("filtersMatched")).contains("technologyField", "region", "industry");
    assertThat((Map<String, Object>) entry.get("breakdown")).containsKeys("bm25Rank", "rrf", "boosts", "final");

    var live = heard.get(60, TimeUnit.SECONDS);
    assertThat(live).containsEntry("id", entry.get("id")).containsEntry("demandId", demandId);
    subscription.dispose();

    // Claiming is a one-time decision; a second broker action on it is a conflict.
    as("broker").post().uri("/api/broker/match-queue/{id}/claim", entry.get("id")).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLAIMED");
    as("broker").post().uri("/api/broker/match-queue/{id}/dismissal", entry.get("id")).exchange()
        .expectStatus().isEqualTo(409);
    as("broker").post().uri("/api/broker/match-queue/{id}/claim", UUID.randomUUID()).exchange()
        .expectStatus().isNotFound();

    // A change of the demand finds the pair again: still one entry, the broker's decision kept.
    form.put("version", demand.get("version"));
    form.put("expectedOutcome", "贮藏期腐烂率降到 2% 以下。");
    enterprise.put().uri("/api/demands/{id}", demandId).contentType(MediaType.APPLICATION_JSON).bodyValue(form)
        .exchange().expectStatus().isOk();
    await().atMost(PATIENCE).untilAsserted(() -> {
      var claimed = find(demandId, achievement.get("id"), "CLAIMED");
      assertThat(claimed).isNotNull();
      assertThat(((Number) claimed.get("version")).longValue()).isGreaterThanOrEqualTo(3);
    });
    assertThat(find(demandId, achievement.get("id"), "NEW")).isNull();
  }

  @Test
  void only_brokers_use_the_queue() {
    for (var user : List.of("enterprise", "university", "admin")) {
      as(user).get().uri("/api/broker/match-queue").exchange().expectStatus().isForbidden();
      as(user).get().uri("/api/broker/match-queue/events").exchange().expectStatus().isForbidden();
      as(user).post().uri("/api/broker/match-queue/{id}/claim", UUID.randomUUID()).exchange().expectStatus().isForbidden();
      as(user).post().uri("/api/broker/match-queue/{id}/dismissal", UUID.randomUUID()).exchange()
          .expectStatus().isForbidden();
    }
    http.get().uri("/api/broker/match-queue").exchange().expectStatus().isUnauthorized();
    http.get().uri("/api/broker/match-queue/events").exchange().expectStatus().isUnauthorized();
    http.post().uri("/api/broker/match-queue/{id}/claim", UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
    as("broker").get().uri("/api/broker/match-queue?status=OPEN").exchange().expectStatus().isBadRequest();
    as("broker").get().uri("/api/broker/match-queue?size=500").exchange().expectStatus().isEqualTo(422);
    as("broker").get().uri("/api/broker/match-queue?cursor=zzz").exchange().expectStatus().isBadRequest();
  }

  /** The entry for the pair in the given status, paging through the broker's queue. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> find(Object demandId, Object achievementId, String status) {
    String cursor = null;
    for (var page = 0; page < 50; page++) {
      var uri = "/api/broker/match-queue?size=100&status=" + status + (cursor == null ? "" : "&cursor=" + cursor);
      Map<String, Object> body = as("broker").get().uri(uri).exchange().expectStatus().isOk()
          .expectBody(Map.class).returnResult().getResponseBody();
      for (var item : (List<Map<String, Object>>) body.get("items")) {
        if (demandId.equals(item.get("demandId")) && achievementId.equals(item.get("achievementId"))) {
          return item;
        }
      }
      cursor = (String) body.get("nextCursor");
      if (cursor == null) {
        return null;
      }
    }
    return null;
  }
}
