package org.pingliang.techmarket.marketplace.servicematch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingliang.techmarket.marketplace.servicematch.ServiceTestData.created;
import static org.pingliang.techmarket.marketplace.servicematch.ServiceTestData.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.commissioner.CommissionerRoster;
import org.pingliang.techmarket.marketplace.listing.ListingTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may do what with service offers and requests: every endpoint with the right role, a wrong role,
 * another organisation's member and an anonymous caller; versions, history and events.
 */
class ServiceMatchAuthorizationTest extends ApiTest {

  @Autowired
  RosterFixture roster;

  @Autowired
  DatabaseClient database;

  WebTestClient commissioner;
  WebTestClient enterprise;
  WebTestClient enterprise2;
  WebTestClient university;
  WebTestClient broker;
  WebTestClient admin;

  @BeforeEach
  void logIn() {
    roster.set(RosterFixture.DEMO_COMMISSIONER, CommissionerRoster.Standing.SELECTED);
    commissioner = as("commissioner");
    enterprise = as("enterprise");
    enterprise2 = as("enterprise2");
    university = as("university");
    broker = as("broker");
    admin = as("admin");
  }

  @Test
  void only_active_commissioners_publish_offers_and_active_offers_are_public() {
    var form = ServiceTestData.offer("苹果园水肥一体化技术指导", "滴灌施肥方案设计与现场指导。");
    post(http, "/api/service-offers", form).expectStatus().isUnauthorized();
    post(enterprise, "/api/service-offers", form).expectStatus().isForbidden();
    post(university, "/api/service-offers", form).expectStatus().isForbidden();
    post(admin, "/api/service-offers", form).expectStatus().isForbidden();

    roster.set(RosterFixture.DEMO_COMMISSIONER, CommissionerRoster.Standing.EXITED);
    try {
      post(commissioner, "/api/service-offers", form).expectStatus().isForbidden()
          .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("科技特派员"));
    } finally {
      roster.set(RosterFixture.DEMO_COMMISSIONER, CommissionerRoster.Standing.SELECTED);
    }

    var offer = created(commissioner, "/api/service-offers", form);
    assertThat(offer.get("status")).isEqualTo("ACTIVE");
    assertThat(((Map<?, ?>) offer.get("commissioner")).get("subject")).isEqualTo(RosterFixture.DEMO_COMMISSIONER);
    var id = offer.get("id");

    // Public while active and its commissioner active; the list shows it to anonymous callers.
    http.get().uri("/api/service-offers/{id}", id).exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");
    assertThat(ids(http.get().uri("/api/service-offers?size=100").exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody())).contains(id);

    // A commissioner who exits disappears from the public view at once; they still see their own.
    roster.set(RosterFixture.DEMO_COMMISSIONER, CommissionerRoster.Standing.EXITED);
    try {
      http.get().uri("/api/service-offers/{id}", id).exchange().expectStatus().isNotFound();
      assertThat(ids(http.get().uri("/api/service-offers?size=100").exchange().expectStatus().isOk()
          .expectBody(Map.class).returnResult().getResponseBody())).doesNotContain(id);
      commissioner.get().uri("/api/service-offers/{id}", id).exchange().expectStatus().isOk();
    } finally {
      roster.set(RosterFixture.DEMO_COMMISSIONER, CommissionerRoster.Standing.SELECTED);
    }

    // Edits: only its commissioner, with a version; a stale one is a conflict.
    var changed = ServiceTestData.offer("苹果园水肥一体化与节水灌溉技术指导", "滴灌施肥方案设计与现场指导。");
    enterprise.put().uri("/api/service-offers/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(changed).exchange().expectStatus().isForbidden();
    admin.put().uri("/api/service-offers/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(changed).exchange().expectStatus().isForbidden();
    http.put().uri("/api/service-offers/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(changed).exchange().expectStatus().isUnauthorized();
    commissioner.put().uri("/api/service-offers/{id}", id).contentType(MediaType.APPLICATION_JSON).bodyValue(changed)
        .exchange().expectStatus().isEqualTo(422);
    commissioner.put().uri("/api/service-offers/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(changed).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.title").isEqualTo("苹果园水肥一体化与节水灌溉技术指导");
    commissioner.put().uri("/api/service-offers/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(changed).exchange().expectStatus().isEqualTo(409);

    // Withdrawal: its commissioner or the bureau; not other roles, not anonymous.
    post(enterprise, "/api/service-offers/" + id + "/withdrawal", Map.of()).expectStatus().isForbidden();
    post(http, "/api/service-offers/" + id + "/withdrawal", Map.of()).expectStatus().isUnauthorized();
    post(admin, "/api/service-offers/" + id + "/withdrawal", Map.of("reason", "重复发布", "version", 2))
        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN").jsonPath("$.version").isEqualTo(3);
    post(commissioner, "/api/service-offers/" + id + "/withdrawal", Map.of()).expectStatus().isEqualTo(409);

    // Withdrawn: gone for the public, still there for its commissioner (mine=true) and the bureau.
    http.get().uri("/api/service-offers/{id}", id).exchange().expectStatus().isNotFound();
    enterprise.get().uri("/api/service-offers/{id}", id).exchange().expectStatus().isNotFound();
    admin.get().uri("/api/service-offers/{id}", id).exchange().expectStatus().isOk();
    assertThat(ids(commissioner.get().uri("/api/service-offers?mine=true&size=100").exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody())).contains(id);
    http.get().uri("/api/service-offers?mine=true").exchange().expectStatus().isUnauthorized();

    // History for its commissioner and ADMIN only; every change wrote one event, in version order.
    commissioner.get().uri("/api/service-offers/{id}/history", id).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.length()").isEqualTo(3).jsonPath("$[2].action").isEqualTo("WITHDRAW");
    enterprise.get().uri("/api/service-offers/{id}/history", id).exchange().expectStatus().isNotFound();
    http.get().uri("/api/service-offers/{id}/history", id).exchange().expectStatus().isUnauthorized();
    assertThat(events("ServiceOffer", id)).containsExactly("ServiceOfferPublished", "ServiceOfferUpdated",
        "ServiceOfferWithdrawn");
  }

  @Test
  void banned_commissioners_cannot_publish() {
    // The demo commissioner must stay unbanned for other tests: this checks the refusal through the
    // roster instead (a REMOVED commissioner), and the ban path in ServiceMatchingFlowTest.
    roster.set(RosterFixture.DEMO_COMMISSIONER, CommissionerRoster.Standing.REMOVED);
    try {
      post(commissioner, "/api/service-offers", ServiceTestData.offer("果树修剪培训", "冬季修剪现场培训。"))
          .expectStatus().isForbidden();
    } finally {
      roster.set(RosterFixture.DEMO_COMMISSIONER, CommissionerRoster.Standing.SELECTED);
    }
  }

  @Test
  void enterprises_post_for_their_own_organisation_and_only_they_the_bureau_and_commissioners_see_it() {
    var organisation = ListingTestData.organisation(enterprise, admin, "ENTERPRISE", true);
    var form = ServiceTestData.enterpriseRequest(organisation, "苹果采后贮藏技术咨询", "冷库苹果虎皮病多发。");

    post(http, "/api/service-requests", form).expectStatus().isUnauthorized();
    post(university, "/api/service-requests", form).expectStatus().isForbidden();
    post(commissioner, "/api/service-requests", form).expectStatus().isForbidden();
    post(broker, "/api/service-requests", form).expectStatus().isForbidden();
    post(enterprise2, "/api/service-requests", form).expectStatus().isForbidden(); // another organisation's user
    var unverified = ListingTestData.organisation(enterprise, admin, "ENTERPRISE", false);
    post(enterprise, "/api/service-requests", ServiceTestData.enterpriseRequest(unverified, "测试", "测试"))
        .expectStatus().isEqualTo(409);
    var city = new java.util.HashMap<>(form);
    city.put("countyCode", "620800");
    post(enterprise, "/api/service-requests", city).expectStatus().isEqualTo(422)
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("countyCode");

    var request = created(enterprise, "/api/service-requests", form);
    var id = request.get("id");
    assertThat(((Map<?, ?>) request.get("requester")).get("kind")).isEqualTo("ENTERPRISE");

    http.get().uri("/api/service-requests/{id}", id).exchange().expectStatus().isUnauthorized();
    university.get().uri("/api/service-requests/{id}", id).exchange().expectStatus().isForbidden();
    broker.get().uri("/api/service-requests/{id}", id).exchange().expectStatus().isForbidden();
    enterprise2.get().uri("/api/service-requests/{id}", id).exchange().expectStatus().isNotFound();
    enterprise.get().uri("/api/service-requests/{id}", id).exchange().expectStatus().isOk();
    commissioner.get().uri("/api/service-requests/{id}", id).exchange().expectStatus().isOk();
    admin.get().uri("/api/service-requests/{id}", id).exchange().expectStatus().isOk();

    // An inactive commissioner sees no requests.
    roster.set(RosterFixture.DEMO_COMMISSIONER, CommissionerRoster.Standing.EXITED);
    try {
      commissioner.get().uri("/api/service-requests/{id}", id).exchange().expectStatus().isNotFound();
      commissioner.get().uri("/api/service-requests").exchange().expectStatus().isForbidden();
    } finally {
      roster.set(RosterFixture.DEMO_COMMISSIONER, CommissionerRoster.Standing.SELECTED);
    }

    // Lists: the enterprise sees its organisations' requests, the other enterprise does not.
    assertThat(ids(list(enterprise, "/api/service-requests?size=100&organisationId=" + organisation))).containsExactly(id);
    assertThat(ids(list(enterprise2, "/api/service-requests?size=100&organisationId=" + organisation))).isEmpty();
    assertThat(ids(list(commissioner, "/api/service-requests?size=100&organisationId=" + organisation))).containsExactly(id);
    university.get().uri("/api/service-requests").exchange().expectStatus().isForbidden();
    http.get().uri("/api/service-requests").exchange().expectStatus().isUnauthorized();

    // Edits: the enterprise's editors; not the other enterprise (404), not the bureau for an enterprise (403).
    var changed = ServiceTestData.enterpriseRequest(organisation, "苹果采后贮藏与虎皮病防控咨询", "冷库苹果虎皮病多发。");
    changed.remove("organisationId");
    enterprise2.put().uri("/api/service-requests/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(changed).exchange().expectStatus().isNotFound();
    admin.put().uri("/api/service-requests/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(changed).exchange().expectStatus().isForbidden();
    commissioner.put().uri("/api/service-requests/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(changed).exchange().expectStatus().isForbidden();
    enterprise.put().uri("/api/service-requests/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(changed).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.version").isEqualTo(2);
    enterprise.put().uri("/api/service-requests/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(changed).exchange().expectStatus().isEqualTo(409);

    // Matches follow the request's visibility.
    http.get().uri("/api/service-requests/{id}/matches", id).exchange().expectStatus().isUnauthorized();
    university.get().uri("/api/service-requests/{id}/matches", id).exchange().expectStatus().isForbidden();
    enterprise2.get().uri("/api/service-requests/{id}/matches", id).exchange().expectStatus().isNotFound();
    enterprise.get().uri("/api/service-requests/{id}/matches?size=0", id).exchange().expectStatus().isEqualTo(422);
    enterprise.get().uri("/api/service-requests/{id}/matches?mode=magic", id).exchange().expectStatus().isBadRequest();

    // Closure: not the other enterprise; the bureau may (moderation).
    post(enterprise2, "/api/service-requests/" + id + "/closure", Map.of()).expectStatus().isNotFound();
    post(http, "/api/service-requests/" + id + "/closure", Map.of()).expectStatus().isUnauthorized();
    post(admin, "/api/service-requests/" + id + "/closure", Map.of("reason", "已解决")).expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("CLOSED");
    assertThat(events("ServiceRequest", id)).containsExactly("ServiceRequestPosted", "ServiceRequestUpdated",
        "ServiceRequestClosed");
    enterprise.get().uri("/api/service-requests/{id}/history", id).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.length()").isEqualTo(3);
  }

  @Test
  void the_bureau_posts_for_villages_and_communities() {
    var form = ServiceTestData.villageRequest("庄浪县南湖镇测试村", "马铃薯晚疫病防治", "连阴雨后晚疫病蔓延。");
    post(enterprise, "/api/service-requests", form).expectStatus().isEqualTo(422); // no organisation named
    var noKind = new java.util.HashMap<>(form);
    noKind.remove("requesterKind");
    post(admin, "/api/service-requests", noKind).expectStatus().isEqualTo(422);
    var noPlace = new java.util.HashMap<>(form);
    noPlace.remove("placeName");
    post(admin, "/api/service-requests", noPlace).expectStatus().isEqualTo(422);

    var request = created(admin, "/api/service-requests", form);
    var id = request.get("id");
    var requester = (Map<?, ?>) request.get("requester");
    assertThat(requester.get("kind")).isEqualTo("VILLAGE");
    assertThat(requester.get("placeName")).isEqualTo("庄浪县南湖镇测试村");
    assertThat(requester.get("organisationId")).isNull();

    commissioner.get().uri("/api/service-requests/{id}", id).exchange().expectStatus().isOk();
    enterprise.get().uri("/api/service-requests/{id}", id).exchange().expectStatus().isNotFound();
    post(enterprise, "/api/service-requests/" + id + "/closure", Map.of()).expectStatus().isNotFound();
    assertThat(ids(list(commissioner, "/api/service-requests?size=100"))).contains(id);
    assertThat(ids(list(enterprise, "/api/service-requests?size=100"))).doesNotContain(id);

    // Offer → request matches: the bureau and active commissioners only.
    var offer = created(commissioner, "/api/service-offers", ServiceTestData.offer("马铃薯病害诊断", "田间诊断。"));
    enterprise.get().uri("/api/service-offers/{id}/matches", offer.get("id")).exchange().expectStatus().isForbidden();
    university.get().uri("/api/service-offers/{id}/matches", offer.get("id")).exchange().expectStatus().isForbidden();
    http.get().uri("/api/service-offers/{id}/matches", offer.get("id")).exchange().expectStatus().isUnauthorized();
    post(commissioner, "/api/service-offers/" + offer.get("id") + "/withdrawal", Map.of()).expectStatus().isOk();
  }

  @SuppressWarnings("unchecked")
  static List<Object> ids(Map<String, Object> page) {
    return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> item.get("id")).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> list(WebTestClient client, String uri) {
    return client.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
  }

  private List<String> events(String aggregateType, Object id) {
    return database.sql("SELECT type FROM outbox_events WHERE aggregate_type = :type AND aggregate_id = :id "
            + "ORDER BY aggregate_version")
        .bind("type", aggregateType).bind("id", UUID.fromString(id.toString()))
        .map(row -> row.get("type", String.class)).all().collectList().block();
  }
}
