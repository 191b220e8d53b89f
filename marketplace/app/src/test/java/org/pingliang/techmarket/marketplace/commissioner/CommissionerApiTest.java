package org.pingliang.techmarket.marketplace.commissioner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.organisation.DemoOrganisationsFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the commissioner feature over HTTP. Demo users are real Keycloak people, so a test that
 * selects one of them ends by letting them resign (an honest exit), and tests that need many
 * commissioners insert invented people (subjects that are no Keycloak user) directly.
 */
abstract class CommissionerApiTest extends ApiTest {

  static final UUID COLLEGE = UUID.fromString("01941f29-7c00-7000-8000-000000000001");
  static final UUID AGRI_INSTITUTE = UUID.fromString("01941f29-7c00-7000-8000-000000000003");
  static final UUID APPLE_ENTERPRISE = UUID.fromString("01941f29-7c00-7000-8000-000000000004");
  static final UUID POTATO_ENTERPRISE = UUID.fromString("01941f29-7c00-7000-8000-000000000005");
  static final UUID BROKER_AGENCY = UUID.fromString("01941f29-7c00-7000-8000-000000000009");
  static final String UNIVERSITY2 = "0b7e1000-0000-4000-8000-000000000002";
  static final String BROKER = "0b7e1000-0000-4000-8000-000000000005";
  /** Demo villages (invented), loaded from demo/commissioners.json. */
  static final String POOR_VILLAGE_ZHUANGLANG = "620825101201";
  static final String VILLAGE_HUATING = "620881101201";

  private static boolean seeded;

  @Autowired ApplicationContext context;
  @Autowired DatabaseClient database;

  @BeforeEach
  void seed() {
    if (!seeded) {
      DemoOrganisationsFixture.load(context).block(Duration.ofSeconds(30));
      new DemoCommissioners(database, context.getBean(TransactionalOperator.class), context.getBean(JsonMapper.class),
          Clock.systemUTC()).load(false).block(Duration.ofSeconds(30));
      seeded = true;
    }
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> body(WebTestClient.ResponseSpec response, int status) {
    return response.expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> list(WebTestClient.ResponseSpec response) {
    return (List<Map<String, Object>>) (List<?>) response.expectStatus().isOk().expectBodyList(Map.class)
        .returnResult().getResponseBody();
  }

  WebTestClient.ResponseSpec call(WebTestClient client, HttpMethod method, String uri, Object body) {
    var request = client.method(method).uri(uri);
    return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  void problem(WebTestClient.ResponseSpec response, HttpStatus status, String type) {
    response.expectStatus().isEqualTo(status)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo(PROBLEM_BASE + type);
  }

  /** Anonymous → 401 problem, and each of the given users → the given status. */
  void refused(HttpMethod method, String uri, Object body, Map<String, Integer> users) {
    problem(call(http, method, uri, body), HttpStatus.UNAUTHORIZED, "unauthorized");
    users.forEach((user, status) -> call(as(user), method, uri, body).expectStatus().isEqualTo(status)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  /** Leaves a demo user with no open application and not selected, whatever earlier runs left. */
  void free(String user) {
    var mine = list(as(user).get().uri("/api/commissioner-applications/mine").exchange());
    for (var application : mine) {
      var status = application.get("status");
      if ("AWAITING_CONSENT".equals(status) || "IN_REVIEW".equals(status)) {
        as(user).post().uri("/api/commissioner-applications/{id}/withdrawal", application.get("id")).exchange()
            .expectStatus().isOk();
      }
    }
    var me = as(user).get().uri("/api/commissioners/me").exchange().returnResult(Map.class);
    if (me.getStatus().value() == 200) {
      var record = me.getResponseBody().blockFirst();
      if ("SELECTED".equals(record.get("standing"))) {
        as(user).post().uri("/api/commissioners/{id}/resignation", record.get("id")).exchange().expectStatus().isOk();
      }
    }
  }

  /** An invented person put straight on the roster (subject is no Keycloak user); answers the commissioner id. */
  UUID invented(String subjectPrefix, String region, UUID employer) {
    var subject = subjectPrefix + Ids.newId();
    var application = Ids.newId();
    var id = Ids.newId();
    var now = Instant.now();
    database.sql("""
            INSERT INTO commissioner_applications (id, applicant_subject, name, type, profile, expertise, employer_id,
              region_code, three_regions_talent, status, employer_consent, hr_opinion, decided_by, decided_at, decision_reason)
            VALUES (:id, :subject, :name, 'RURAL', '测试', '测试专长', :employer, :region, false, 'APPROVED', 'GIVEN',
              '同意', 'test', :now, 'test')""")
        .bind("id", application).bind("subject", subject).bind("name", "测试特派员" + id.toString().substring(30))
        .bind("employer", employer).bind("region", region).bind("now", now)
        .fetch().rowsUpdated().block();
    database.sql("""
            INSERT INTO commissioners (id, person_subject, application_id, name, type, expertise, employer_id, region_code,
              three_regions_talent, standing, selected_at, certificate_number)
            VALUES (:id, :subject, :application, :name, 'RURAL', '测试专长', :employer, :region, false, 'SELECTED', :now, :certificate)""")
        .bind("id", id).bind("subject", subject).bind("application", application)
        .bind("name", "测试特派员" + id.toString().substring(30)).bind("employer", employer).bind("region", region)
        .bind("now", now).bind("certificate", "TEST-" + id).fetch().rowsUpdated().block();
    return id;
  }

  String subjectOf(UUID commissioner) {
    return database.sql("SELECT person_subject FROM commissioners WHERE id = :id").bind("id", commissioner)
        .map(row -> row.get("person_subject", String.class)).one().block();
  }

  Map<String, Object> application(String type, UUID employer, UUID served, List<String> villages) {
    var form = new java.util.HashMap<String, Object>();
    form.put("name", "测试申请人");
    form.put("type", type);
    form.put("profile", "农艺师，从事果树栽培十年。");
    form.put("expertise", "苹果矮化密植");
    form.put("employerId", employer);
    form.put("regionCode", "620825");
    form.put("villageCodes", villages);
    form.put("threeRegionsTalent", true);
    if (served != null) {
      form.put("servedOrganisationId", served);
    }
    return form;
  }
}
