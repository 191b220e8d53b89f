package org.pingliang.techmarket.marketplace.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.deal.DraftedContracts;
import org.pingliang.techmarket.marketplace.listing.ListingTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every negotiation test gets fresh organisations: an institute (university, OWNER) holding a
 * published achievement, an enterprise (enterprise, OWNER; enterprise2 a plain MEMBER) holding an
 * open demand, and a broker agency (broker). university2 takes part in nothing.
 */
abstract class NegotiationApiTest extends ApiTest {

  /** Keycloak subjects of the demo users (infra/keycloak/realm-techmarket.json). */
  static final String UNIVERSITY = "0b7e1000-0000-4000-8000-000000000001";
  static final String UNIVERSITY2 = "0b7e1000-0000-4000-8000-000000000002";
  static final String ENTERPRISE = "0b7e1000-0000-4000-8000-000000000003";
  static final String ENTERPRISE2 = "0b7e1000-0000-4000-8000-000000000004";
  static final String BROKER = "0b7e1000-0000-4000-8000-000000000005";
  static final String COMMISSIONER = "0b7e1000-0000-4000-8000-000000000006";

  @Autowired
  DraftedContracts drafting;

  UUID institute;
  UUID enterprise;
  UUID agency;
  UUID achievement;
  UUID demand;

  @BeforeEach
  void parties() {
    institute = organisation("university", "UNIVERSITY");
    enterprise = organisation("enterprise", "ENTERPRISE");
    agency = organisation("broker", "BROKER_AGENCY");
    addMember(as("enterprise"), enterprise, ENTERPRISE2, "MEMBER");
    achievement = publishedAchievement();
    demand = openDemand();
  }

  /**
   * A verified organisation owned by the user. Unlike ListingTestData it reads every answer: an
   * unread body keeps its pooled connection, and enough of them stall later requests.
   */
  UUID organisation(String owner, String kind) {
    var legal = switch (kind) {
      case "UNIVERSITY" -> Map.of("category", "PUBLIC_INSTITUTION", "subtype", "HIGHER_EDUCATION");
      case "RESEARCH_INSTITUTE" -> Map.of("category", "PUBLIC_INSTITUTION", "subtype", "RESEARCH_INSTITUTION");
      default -> Map.of("category", "ENTERPRISE");
    };
    var id = id(call(as(owner), HttpMethod.POST, "/api/organisations", Map.of("name",
        "洽谈测试机构 " + UUID.randomUUID().toString().substring(0, 8), "kind", kind, "creditCode",
        ListingTestData.creditCode(), "regionCode", "620802", "legalEntityType", legal)).expectStatus().isCreated());
    call(as("admin"), HttpMethod.POST, "/api/organisations/" + id + "/verification", Map.of("decision", "VERIFIED"))
        .expectStatus().isOk().expectBody().returnResult();
    return id;
  }

  static void addMember(WebTestClient owner, UUID organisation, String subject, String role) {
    owner.post().uri("/api/organisations/{id}/members", organisation).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("subject", subject, "role", role)).exchange().expectStatus().isCreated()
        .expectBody().returnResult();
  }

  UUID publishedAchievement() {
    var id = id(as("university").post().uri("/api/achievements").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ListingTestData.achievement(institute)).exchange().expectStatus().isCreated());
    call(as("university"), HttpMethod.POST, "/api/achievements/" + id + "/submission", null)
        .expectStatus().isOk().expectBody().returnResult();
    call(as("admin"), HttpMethod.POST, "/api/achievements/" + id + "/publication", null)
        .expectStatus().isOk().expectBody().returnResult();
    return id;
  }

  UUID openDemand() {
    return id(as("enterprise").post().uri("/api/demands").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ListingTestData.demand(enterprise)).exchange().expectStatus().isCreated());
  }

  static UUID id(WebTestClient.ResponseSpec response) {
    return UUID.fromString((String) response.expectBody(Map.class).returnResult().getResponseBody().get("id"));
  }

  static WebTestClient.ResponseSpec call(WebTestClient client, HttpMethod method, String uri, Object body) {
    var request = client.method(method).uri(uri);
    return body == null ? request.exchange()
        : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  static Map<String, Object> inquiry(String type, UUID listing, UUID organisation) {
    return Map.of("listingType", type, "listingId", listing.toString(), "organisationId", organisation.toString());
  }

  /** The enterprise inquires on the institute's achievement: the institute sells, the enterprise buys. */
  UUID room() {
    return roomOn(achievement);
  }

  UUID roomOn(UUID achievement) {
    return id(call(as("enterprise"), HttpMethod.POST, "/api/negotiations", inquiry("ACHIEVEMENT", achievement, enterprise))
        .expectStatus().isCreated());
  }

  /** A valid offer of 300 000.00 CNY in two milestones; tests change one field to break one rule. */
  static Map<String, Object> offer(long priceFen) {
    var first = priceFen / 3;
    var body = new HashMap<String, Object>();
    body.put("price", money(priceFen));
    body.put("milestones", List.of(
        Map.of("sequence", 1, "title", "签约预付", "amount", money(first), "dueDate", LocalDate.now().plusMonths(1).toString()),
        Map.of("sequence", 2, "title", "验收尾款", "amount", money(priceFen - first),
            "dueDate", LocalDate.now().plusMonths(6).toString())));
    body.put("contractType", "TECHNOLOGY_TRANSFER");
    body.put("contractSubtype", "PATENT_RIGHT");
    body.put("scope", "转让专利 202310123456.6 的专利权，并提供三次现场技术指导。");
    body.put("termMonths", 12);
    body.put("expiresAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(7).toString());
    return body;
  }

  static Map<String, Object> money(long fen) {
    return Map.of("amountFen", fen, "currency", "CNY");
  }

  UUID makeOffer(String user, UUID room, long priceFen) {
    return id(call(as(user), HttpMethod.POST, "/api/negotiations/" + room + "/offers", offer(priceFen))
        .expectStatus().isCreated());
  }

  static void problem(WebTestClient.ResponseSpec response, int status, String type) {
    var body = response.expectStatus().isEqualTo(status)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(body.get("type")).isEqualTo(PROBLEM_BASE + type);
  }

  static Map<?, ?> body(WebTestClient.ResponseSpec response) {
    return response.expectBody(Map.class).returnResult().getResponseBody();
  }

  /** One field of every item of a page. */
  static List<Object> values(Map<?, ?> page, String field) {
    return ((List<?>) page.get("items")).stream().map(item -> (Object) ((Map<?, ?>) item).get(field)).toList();
  }
}
