package org.pingliang.techmarket.marketplace.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.contract.ContractTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Ratings between the parties of a finished engagement, credit profiles and the blacklist. */
class CreditApiTest extends ApiTest {

  static final UUID COLLEGE = ContractTestData.COLLEGE;
  static final UUID APPLE = ContractTestData.APPLE_ENTERPRISE;
  static final UUID BROKER_AGENCY = ContractTestData.BROKER_AGENCY;
  static final String BROKER = ContractTestData.BROKER_SUBJECT;

  @Autowired
  ApplicationContext context;
  @Autowired
  Engagements engagements;
  @Autowired
  TransactionalOperator transaction;

  @BeforeEach
  void demo() {
    ContractTestData.demoOrganisations(context);
  }

  /** A finished contract of the college (seller) and the apple enterprise (buyer), brokered by broker. */
  UUID engagement(UUID seller, UUID buyer) {
    var reference = UUID.randomUUID();
    var engagement = new Engagements.Engagement("CONTRACT", reference, List.of(
        new Engagements.Party("SELLER", seller, null), new Engagements.Party("BUYER", buyer, null),
        new Engagements.Party("BROKER", BROKER_AGENCY, BROKER)), Instant.now());
    engagements.completed(engagement).as(transaction::transactional).block(Duration.ofSeconds(30));
    // Recording it again changes nothing.
    engagements.completed(engagement).as(transaction::transactional).block(Duration.ofSeconds(30));
    var mine = as("enterprise").get().uri("/api/engagements?size=100").exchange().expectStatus().isOk()
        .expectBody(List.class).returnResult().getResponseBody();
    var found = ((List<?>) mine).stream().map(e -> (Map<?, ?>) e).filter(e -> reference.toString().equals(e.get("referenceId")))
        .toList();
    assertThat(found).hasSize(1);
    return UUID.fromString((String) found.getFirst().get("id"));
  }

  static WebTestClient.ResponseSpec rate(WebTestClient client, UUID engagement, Object ratedPosition, Object stars,
      String comment) {
    var body = new java.util.HashMap<String, Object>();
    body.put("ratedPosition", ratedPosition);
    body.put("stars", stars);
    if (comment != null) {
      body.put("comment", comment);
    }
    return client.post().uri("/api/engagements/{id}/ratings", engagement).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body).exchange();
  }

  static Map<?, ?> problem(WebTestClient.ResponseSpec response, int status, String type) {
    var body = response.expectStatus().isEqualTo(status)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(body.get("type")).isEqualTo(PROBLEM_BASE + type);
    return body;
  }

  @Test
  void each_side_rates_every_other_side_once() {
    var id = engagement(COLLEGE, APPLE);
    var before = as("enterprise").get().uri("/api/engagements/{id}", id).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(before.get("youMayRate")).isEqualTo(List.of(0, 2));
    assertThat(((List<?>) before.get("parties"))).hasSize(3);

    var after = rate(as("enterprise"), id, 0, 5, "技术资料齐全，现场指导及时。").expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(after.get("youMayRate")).isEqualTo(List.of(2));
    assertThat((List<?>) after.get("ratings")).hasSize(1);
    problem(rate(as("enterprise"), id, 0, 4, null), 409, "conflict");
    rate(as("university"), id, 1, 4, null).expectStatus().isCreated().expectBody().returnResult();
    rate(as("broker"), id, 0, 5, "合作顺畅").expectStatus().isCreated().expectBody().returnResult();
    rate(as("enterprise"), id, 2, 3, null).expectStatus().isCreated().expectBody().returnResult();

    // Strangers and anonymous.
    problem(as("university2").get().uri("/api/engagements/{id}", id).exchange(), 404, "not-found");
    problem(rate(as("university2"), id, 0, 1, null), 404, "not-found");
    problem(rate(as("enterprise2"), id, 0, 1, null), 404, "not-found");
    http.get().uri("/api/engagements/{id}", id).exchange().expectStatus().isUnauthorized();
    rate(http, id, 0, 1, null).expectStatus().isUnauthorized();

    // Broken rules.
    var stars = problem(rate(as("enterprise"), id, 2, 6, null), 422, "validation-failed");
    assertThat(((Map<?, ?>) ((List<?>) stars.get("errors")).getFirst()).get("code")).isEqualTo("stars-range");
    var own = problem(rate(as("enterprise"), id, 1, 3, null), 422, "validation-failed");
    assertThat(((Map<?, ?>) ((List<?>) own.get("errors")).getFirst()).get("code")).isEqualTo("own-side");
    problem(rate(as("enterprise"), id, 7, 3, null), 422, "validation-failed");
    problem(rate(as("enterprise"), id, 0, 3, "长".repeat(1001)), 422, "validation-failed");
  }

  @Test
  @SuppressWarnings("unchecked")
  void credit_profiles_explain_the_score_in_both_languages() {
    var seller = CreditTestSupport.verifiedOrganisation(this::as, "university", "UNIVERSITY", "信用测试高校");
    var id = engagement(seller, APPLE);
    rate(as("enterprise"), id, 0, 5, "交付及时").expectStatus().isCreated().expectBody().returnResult();

    var zh = http.get().uri("/api/credit-profiles/organisations/{id}", seller).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(zh.get("status")).isEqualTo("ACTIVE");
    // Bayesian (5 × 3.5 + 5) / 6 = 3.75 → 48 of 70; one engagement → 3 of 30.
    assertThat(zh.get("score")).isEqualTo(51);
    var components = (List<Map<String, Object>>) zh.get("components");
    assertThat(components.stream().map(c -> c.get("key"))).containsExactly("ratings", "engagements", "misconduct");
    assertThat((String) components.getFirst().get("explanation")).contains("贝叶斯");
    assertThat(((Map<String, Object>) zh.get("ratings")).get("count")).isEqualTo(1);
    assertThat((List<Map<String, Object>>) zh.get("recentRatings")).extracting(r -> r.get("comment"))
        .containsExactly("交付及时");

    var en = http.get().uri("/api/credit-profiles/organisations/{id}", seller)
        .header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat((String) ((List<Map<String, Object>>) en.get("components")).getFirst().get("explanation"))
        .contains("Bayesian");
    assertThat(en.get("statusText")).isEqualTo("Good standing");

    var broker = http.get().uri("/api/credit-profiles/people/{subject}", BROKER).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(broker.get("subjectType")).isEqualTo("PERSON");
    assertThat((List<?>) broker.get("components")).hasSize(3);

    problem(http.get().uri("/api/credit-profiles/organisations/{id}", UUID.randomUUID()).exchange(), 404, "not-found");
  }

  @Test
  @SuppressWarnings("unchecked")
  void the_bureau_bans_and_lifts_and_the_public_sees_names_in_force() {
    var target = CreditTestSupport.verifiedOrganisation(this::as, "enterprise", "ENTERPRISE", "失信名单测试企业");
    var request = Map.of("organisationId", target.toString(), "reason", "伪造技术合同骗取补贴");
    http.post().uri("/api/trading-bans").contentType(MediaType.APPLICATION_JSON).bodyValue(request).exchange()
        .expectStatus().isUnauthorized();
    for (var user : List.of("enterprise", "university", "broker", "commissioner")) {
      problem(as(user).post().uri("/api/trading-bans").contentType(MediaType.APPLICATION_JSON).bodyValue(request)
          .exchange(), 403, "forbidden");
    }
    problem(as("enterprise").get().uri("/api/trading-bans").exchange(), 403, "forbidden");
    http.get().uri("/api/trading-bans").exchange().expectStatus().isUnauthorized();

    var ban = as("admin").post().uri("/api/trading-bans").contentType(MediaType.APPLICATION_JSON).bodyValue(request)
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    assertThat(ban.get("inForce")).isEqualTo(true);
    assertThat((String) ban.get("name")).startsWith("失信名单测试企业");
    problem(as("admin").post().uri("/api/trading-bans").contentType(MediaType.APPLICATION_JSON).bodyValue(request)
        .exchange(), 409, "conflict");
    problem(as("admin").post().uri("/api/trading-bans").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("organisationId", target.toString(), "personSubject", BROKER, "reason", "x")).exchange(),
        422, "validation-failed");
    problem(as("admin").post().uri("/api/trading-bans").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("organisationId", target.toString(), "reason", " ")).exchange(), 422, "validation-failed");

    var publicList = http.get().uri("/api/blacklist").exchange().expectStatus().isOk().expectBody(List.class)
        .returnResult().getResponseBody();
    assertThat(((List<Map<String, Object>>) publicList).stream().map(e -> e.get("organisationId")))
        .contains(target.toString());
    var profile = http.get().uri("/api/credit-profiles/organisations/{id}", target).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(profile.get("status")).isEqualTo("BANNED");
    assertThat(profile.get("score")).isEqualTo(0);
    assertThat(((Map<String, Object>) profile.get("ban")).get("reason")).isEqualTo("伪造技术合同骗取补贴");

    var admin = as("admin").get().uri("/api/trading-bans?inForce=true&size=100").exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(((List<Map<String, Object>>) admin.get("items")).stream().map(e -> e.get("id"))).contains(ban.get("id"));

    var banId = ban.get("id");
    problem(as("enterprise").post().uri("/api/trading-bans/{id}/lifting", banId).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("reason", "已整改")).exchange(), 403, "forbidden");
    var lifted = as("admin").post().uri("/api/trading-bans/{id}/lifting", banId).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("reason", "已整改并退回补贴")).exchange().expectStatus().isOk().expectBody(Map.class)
        .returnResult().getResponseBody();
    assertThat(lifted.get("inForce")).isEqualTo(false);
    assertThat(lifted.get("liftReason")).isEqualTo("已整改并退回补贴");
    problem(as("admin").post().uri("/api/trading-bans/{id}/lifting", banId).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("reason", "again")).exchange(), 409, "conflict");
    problem(as("admin").post().uri("/api/trading-bans/{id}/lifting", UUID.randomUUID())
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "x")).exchange(), 404, "not-found");
    var after = http.get().uri("/api/blacklist").exchange().expectStatus().isOk().expectBody(List.class)
        .returnResult().getResponseBody();
    assertThat(((List<Map<String, Object>>) after).stream().map(e -> e.get("organisationId")))
        .doesNotContain(target.toString());

    // A person: published under the name the bureau gives, never by user id.
    var person = "test-person-" + UUID.randomUUID();
    var personBan = as("admin").post().uri("/api/trading-bans").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("personSubject", person, "personName", "张某某", "reason", "冒用他人身份签约")).exchange()
        .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    var people = http.get().uri("/api/blacklist").exchange().expectStatus().isOk().expectBody(String.class)
        .returnResult().getResponseBody();
    assertThat(people).contains("张某某").doesNotContain(person);
    assertThat(http.get().uri("/api/credit-profiles/people/{s}", person).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody().get("status")).isEqualTo("BANNED");
    CreditTestSupport.lift(this::as, UUID.fromString((String) personBan.get("id")));
  }
}
