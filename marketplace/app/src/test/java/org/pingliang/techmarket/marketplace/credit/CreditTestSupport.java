package org.pingliang.techmarket.marketplace.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.organisation.CreditCodes;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Fresh organisations and bans through the API, for the credit, instrument and negotiation tests. */
public final class CreditTestSupport {

  private CreditTestSupport() {}

  /** A verified organisation of this kind owned by {@code owner}, with a fresh name and credit code. */
  public static UUID verifiedOrganisation(Function<String, WebTestClient> as, String owner, String kind, String name) {
    var legal = switch (kind) {
      case "UNIVERSITY" -> Map.of("category", "PUBLIC_INSTITUTION", "subtype", "HIGHER_EDUCATION");
      case "RESEARCH_INSTITUTE" -> Map.of("category", "PUBLIC_INSTITUTION", "subtype", "RESEARCH_INSTITUTION");
      default -> Map.of("category", "ENTERPRISE");
    };
    var created = as.apply(owner).post().uri("/api/organisations").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("name", name + " " + UUID.randomUUID().toString().substring(0, 8), "kind", kind,
            "creditCode", CreditCodes.random(), "regionCode", "620802", "legalEntityType", legal))
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    var id = UUID.fromString((String) created.get("id"));
    as.apply("admin").post().uri("/api/organisations/{id}/verification", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("decision", "VERIFIED")).exchange().expectStatus().isOk().expectBody().returnResult();
    return id;
  }

  /** The bureau bans the organisation; answers the ban's id. */
  public static UUID ban(Function<String, WebTestClient> as, UUID organisationId, String reason) {
    var ban = as.apply("admin").post().uri("/api/trading-bans").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("organisationId", organisationId.toString(), "reason", reason))
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    return UUID.fromString((String) ban.get("id"));
  }

  public static void lift(Function<String, WebTestClient> as, UUID banId) {
    as.apply("admin").post().uri("/api/trading-bans/{id}/lifting", banId).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("reason", "整改完成")).exchange().expectStatus().isOk().expectBody().returnResult();
  }

  /** A 403 problem whose detail is the blacklist's message (English). */
  public static void assertTradingBanned(WebTestClient.ResponseSpec response) {
    var problem = response.expectStatus().isForbidden()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(problem.get("type")).isEqualTo(ApiTest.PROBLEM_BASE + "forbidden");
    assertThat((String) problem.get("detail")).contains("blacklist");
  }
}
