package org.pingliang.techmarket.marketplace.servicematch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pingliang.techmarket.marketplace.servicematch.ServiceTestData.created;
import static org.pingliang.techmarket.marketplace.servicematch.ServiceTestData.post;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.commissioner.CommissionerRoster;
import org.pingliang.techmarket.marketplace.credit.TradingBans;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.identity.Role;
import org.pingliang.techmarket.marketplace.listing.ListingTestData;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.pingliang.techmarket.marketplace.search.SearchIndexerProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole way on the real servers, nothing stood in but the commissioner roster: offers and requests
 * through the API → outbox → the services Redis stream → the real search-indexer process (bge-small-zh
 * vectors) → its services index in Elasticsearch → the matching API. A Chinese request finds the
 * fitting offer first, with reasons; a withdrawn offer disappears; an exited or banned commissioner's
 * offer disappears at once; an offer finds the fitting village request.
 */
class ServiceMatchingFlowTest extends ApiTest {

  private static final Duration PATIENCE = Duration.ofSeconds(180);
  private static final Set<String> FIXTURE_TITLES = Set.of("苹果树腐烂病防治", "马铃薯晚疫病防治");

  private static SearchIndexerProcess indexer;

  @Autowired
  RosterFixture roster;

  @Autowired
  ServiceOffers offers;

  @Autowired
  TradingBans bans;

  WebTestClient commissioner;
  WebTestClient enterprise;
  WebTestClient admin;

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

  /**
   * The test database and index keep what earlier runs left: withdraw the demo commissioner's active
   * offers and close earlier copies of this test's requests, so rankings compare this run's records.
   */
  @BeforeEach
  @SuppressWarnings("unchecked")
  void clearEarlierRuns() {
    roster.set(RosterFixture.DEMO_COMMISSIONER, CommissionerRoster.Standing.SELECTED);
    commissioner = as("commissioner");
    enterprise = as("enterprise");
    admin = as("admin");
    String cursor = null;
    do {
      var page = page(commissioner, "/api/service-offers?mine=true&size=100" + (cursor == null ? "" : "&cursor=" + cursor));
      for (var item : (List<Map<String, Object>>) page.get("items")) {
        if ("ACTIVE".equals(item.get("status"))) {
          post(commissioner, "/api/service-offers/" + item.get("id") + "/withdrawal", Map.of()).expectStatus().isOk();
        }
      }
      cursor = (String) page.get("nextCursor");
    } while (cursor != null);
    do {
      var page = page(admin, "/api/service-requests?status=OPEN&size=100" + (cursor == null ? "" : "&cursor=" + cursor));
      for (var item : (List<Map<String, Object>>) page.get("items")) {
        if (FIXTURE_TITLES.contains(item.get("title"))) {
          post(admin, "/api/service-requests/" + item.get("id") + "/closure", Map.of()).expectStatus().isOk();
        }
      }
      cursor = (String) page.get("nextCursor");
    } while (cursor != null);
  }

  @Test
  @SuppressWarnings("unchecked")
  void requests_find_fitting_offers_with_reasons_and_hidden_offers_never_appear() {
    var rot = created(commissioner, "/api/service-offers", offer("苹果树腐烂病综合防治技术指导",
        "针对静宁、庄浪果园的苹果树腐烂病，开展病斑刮治、涂药保护、修剪伤口处理和冬季清园指导，降低病疤复发率。",
        "GUIDANCE", List.of("620826", "620825")));
    var blight = created(commissioner, "/api/service-offers", offer("马铃薯晚疫病监测预警与综合防控培训",
        "面向庄浪、静宁马铃薯种植户，讲授晚疫病田间识别、预警监测和科学用药，并在田间现场示范。",
        "TRAINING", List.of("620825")));
    var cattle = created(commissioner, "/api/service-offers", offer("肉牛标准化养殖与饲草青贮技术服务",
        "平凉红牛规模养殖场的圈舍设计、饲草青贮与疫病防控技术服务。", "GUIDANCE", List.of("620822")));
    // A second commissioner (not a demo login: through the service) offers something close to apples.
    var other = "test-commissioner-" + UUID.randomUUID();
    roster.set(other, CommissionerRoster.Standing.SELECTED);
    var storage = offers.publish(new Actor(other, "other", Set.of(Role.COMMISSIONER)), new ServiceOffer.Content(
        "苹果采后贮藏保鲜技术咨询", "苹果冷库贮藏、气调保鲜与果品分级的技术咨询。", TechnologyField.AGRICULTURE,
        ServiceType.CONSULTING, List.of("620826"), Set.of(ServiceMode.REMOTE))).block();

    var organisation = ListingTestData.organisation(enterprise, admin, "ENTERPRISE", true);
    var apple = created(enterprise, "/api/service-requests", ServiceTestData.enterpriseRequest(organisation,
        "苹果树腐烂病防治", "果园里苹果树腐烂病发病严重，主干树皮溃烂流水，急需防治技术指导。"));
    var village = created(admin, "/api/service-requests", ServiceTestData.villageRequest("庄浪县朱店镇测试村",
        "马铃薯晚疫病防治", "连阴雨后村里马铃薯晚疫病蔓延，叶片出现水渍状病斑，需要防控指导和培训。"));

    // The apple request: the rot offer first, with reasons a person can check.
    await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      assertThat(indexer.isAlive()).as("search-indexer runs (log: %s)", indexer.log()).isTrue();
      var items = matches(enterprise, "/api/service-requests/" + apple.get("id") + "/matches?mode=hybrid");
      assertThat(ids(items)).contains(storage.id().toString());
      assertThat(items.getFirst().get("id")).isEqualTo(rot.get("id"));
    });
    var best = matches(enterprise, "/api/service-requests/" + apple.get("id") + "/matches").getFirst();
    var reasons = (Map<String, Object>) best.get("reasons");
    assertThat((List<String>) reasons.get("matchedTerms")).isNotEmpty().anyMatch(term -> term.contains("腐烂"));
    assertThat((List<String>) reasons.get("matchedFields")).contains("title");
    assertThat(((Number) reasons.get("semanticSimilarity")).doubleValue()).isGreaterThan(0.5);
    assertThat((List<String>) reasons.get("filtersMatched")).contains("technologyField", "serviceType", "county");
    var breakdown = (Map<String, Object>) best.get("breakdown");
    assertThat(breakdown.get("bm25Rank")).isEqualTo(1);
    assertThat(breakdown.get("vectorRank")).isNotNull();
    assertThat(best.get("kind")).isEqualTo("OFFER");
    assertThat(((Map<String, Object>) best.get("commissioner")).get("subject"))
        .isEqualTo(RosterFixture.DEMO_COMMISSIONER);
    // BM25 alone agrees on the first one; the cattle offer (it shares only words like 技术) ranks below it.
    var lexical = matches(enterprise, "/api/service-requests/" + apple.get("id") + "/matches?mode=bm25");
    assertThat(lexical.getFirst().get("id")).isEqualTo(rot.get("id"));
    assertThat(ids(lexical).indexOf(cattle.get("id"))).isNotZero();

    // The village's potato request: the blight training first; the offer finds the village back.
    await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      var items = matches(admin, "/api/service-requests/" + village.get("id") + "/matches");
      assertThat(items.getFirst().get("id")).isEqualTo(blight.get("id"));
      assertThat((List<String>) ((Map<String, Object>) items.getFirst().get("reasons")).get("filtersMatched"))
          .contains("county");
      var requests = matches(commissioner, "/api/service-offers/" + blight.get("id") + "/matches");
      assertThat(requests.getFirst().get("id")).isEqualTo(village.get("id"));
      assertThat(((Map<String, Object>) requests.getFirst().get("requester")).get("placeName")).isEqualTo("庄浪县朱店镇测试村");
    });

    // A commissioner who exits disappears from matches at once, and comes back when selected again.
    roster.set(other, CommissionerRoster.Standing.EXITED);
    assertThat(ids(matches(enterprise, "/api/service-requests/" + apple.get("id") + "/matches")))
        .doesNotContain(storage.id().toString()).contains(rot.get("id"));
    roster.set(other, CommissionerRoster.Standing.SELECTED);
    assertThat(ids(matches(enterprise, "/api/service-requests/" + apple.get("id") + "/matches")))
        .contains(storage.id().toString());
    // Banned for misconduct: gone at once (the index still holds the offer; matching drops it).
    bans.ban(null, other, "测试：服务中弄虚作假", "test").block();
    assertThat(ids(matches(enterprise, "/api/service-requests/" + apple.get("id") + "/matches")))
        .doesNotContain(storage.id().toString());
    http.get().uri("/api/service-offers/{id}", storage.id()).exchange().expectStatus().isNotFound();

    // Withdrawn: gone once the indexer has the change.
    post(commissioner, "/api/service-offers/" + rot.get("id") + "/withdrawal", Map.of("reason", "本季已排满"))
        .expectStatus().isOk();
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
        assertThat(ids(matches(enterprise, "/api/service-requests/" + apple.get("id") + "/matches")))
            .doesNotContain(rot.get("id")));
  }

  private static Map<String, Object> offer(String title, String description, String type, List<String> counties) {
    var form = ServiceTestData.offer(title, description);
    form.put("serviceType", type);
    form.put("counties", counties);
    return form;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> matches(WebTestClient client, String uri) {
    Map<String, Object> body = client.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class)
        .returnResult().getResponseBody();
    return (List<Map<String, Object>>) body.get("items");
  }

  private static List<Object> ids(List<Map<String, Object>> items) {
    return items.stream().map(item -> item.get("id")).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> page(WebTestClient client, String uri) {
    return client.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
  }
}
