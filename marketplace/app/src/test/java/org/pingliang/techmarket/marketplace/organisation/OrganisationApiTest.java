package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Helpers for the organisation API tests: every test registers the organisations it needs, with
 * fresh credit codes, so no test depends on another's data or on what earlier runs left behind.
 */
abstract class OrganisationApiTest extends ApiTest {

  /** Keycloak subjects of the demo users (infra/keycloak/realm-techmarket.json). */
  static final String UNIVERSITY = "0b7e1000-0000-4000-8000-000000000001";
  static final String UNIVERSITY2 = "0b7e1000-0000-4000-8000-000000000002";
  static final String ENTERPRISE = "0b7e1000-0000-4000-8000-000000000003";
  static final String ENTERPRISE2 = "0b7e1000-0000-4000-8000-000000000004";
  static final String BROKER = "0b7e1000-0000-4000-8000-000000000005";
  static final String COMMISSIONER = "0b7e1000-0000-4000-8000-000000000006";
  static final String ADMIN = "0b7e1000-0000-4000-8000-000000000007";

  static final String ORGANISATIONS = "/api/organisations";

  @Autowired
  DatabaseClient database;

  /** A registration body that passes every rule; tests change one field to break one rule. */
  static Map<String, Object> registration(String kind) {
    var body = new HashMap<String, Object>();
    body.put("name", "测试机构 " + UUID.randomUUID());
    body.put("kind", kind);
    body.put("creditCode", CreditCodes.random());
    body.put("regionCode", "620802");
    body.put("legalEntityType", switch (kind) {
      case "UNIVERSITY" -> Map.of("category", "PUBLIC_INSTITUTION", "subtype", "HIGHER_EDUCATION");
      case "RESEARCH_INSTITUTE" -> Map.of("category", "PUBLIC_INSTITUTION", "subtype", "RESEARCH_INSTITUTION");
      default -> Map.of("category", "ENTERPRISE");
    });
    return body;
  }

  static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    var changed = new HashMap<>(body);
    changed.put(field, value);
    return changed;
  }

  static Map<String, Object> without(Map<String, Object> body, String field) {
    var changed = new HashMap<>(body);
    changed.remove(field);
    return changed;
  }

  /** The kind a demo user's role may register. */
  static String kindFor(String username) {
    return switch (username.replaceAll("[0-9]", "")) {
      case "university" -> "UNIVERSITY";
      case "enterprise" -> "ENTERPRISE";
      case "broker" -> "BROKER_AGENCY";
      case "commissioner" -> "SERVICE_PROVIDER";
      default -> "ENTERPRISE";
    };
  }

  WebTestClient.ResponseSpec post(WebTestClient client, Object body) {
    return client.post().uri(ORGANISATIONS).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  /** Registers a PENDING organisation owned by the user. */
  Registered register(String username) {
    return register(username, registration(kindFor(username)));
  }

  Registered register(String username, Map<String, Object> body) {
    var response = post(as(username), body).expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody();
    return Registered.of(response);
  }

  /** Registers an organisation owned by the user and has the admin verify it. */
  Registered registerVerified(String username) {
    return registerVerified(username, registration(kindFor(username)));
  }

  Registered registerVerified(String username, Map<String, Object> body) {
    var registered = register(username, body);
    return decide(registered.id(), Map.of("decision", "VERIFIED"));
  }

  Registered registerRejected(String username) {
    var registered = register(username);
    return decide(registered.id(), Map.of("decision", "REJECTED", "reason", "营业执照照片不清晰"));
  }

  Registered decide(UUID id, Map<String, Object> decision) {
    var response = as("admin").post().uri(ORGANISATIONS + "/{id}/verification", id)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(decision).exchange()
        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    return Registered.of(response);
  }

  void addMember(String owner, UUID id, String subject, String role) {
    as(owner).post().uri(ORGANISATIONS + "/{id}/members", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("subject", subject, "role", role)).exchange()
        .expectStatus().isCreated();
  }

  /** Asserts a problem+json answer of this status and type. */
  static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, HttpStatus status, String type) {
    return response.expectStatus().isEqualTo(status)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type").isEqualTo(PROBLEM_BASE + type)
        .jsonPath("$.status").isEqualTo(status.value())
        .jsonPath("$.title").exists();
  }

  /** Asserts 422 naming exactly this field with this code. */
  static void rejectsField(WebTestClient.ResponseSpec response, String field, String code) {
    problem(response, HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed")
        .jsonPath("$.errors[?(@.field == '%s')].code".formatted(field)).isEqualTo(code)
        .jsonPath("$.errors[?(@.field == '%s')].message".formatted(field)).exists();
  }

  /** The history entries of an organisation: change type, version and who, oldest first. */
  List<Map<String, Object>> history(UUID id) {
    return database.sql("""
            SELECT change_type, organisation_version, changed_by, changes::text AS changes, reason
              FROM organisation_changes WHERE organisation_id = :id ORDER BY created_at, id""")
        .bind("id", id).fetch().all().collectList().block();
  }

  /** A random county-level code in Tibet (54): regions no other test uses, so lists can be checked exactly. */
  static String unusedCounty() {
    var random = ThreadLocalRandom.current();
    return "54%02d%02d".formatted(random.nextInt(1, 100), random.nextInt(1, 100));
  }

  /** What a test needs to know of an organisation it registered. */
  record Registered(UUID id, long version, String creditCode, String name, String status) {

    @SuppressWarnings("rawtypes")
    static Registered of(Map body) {
      assertThat(body).isNotNull();
      return new Registered(UUID.fromString((String) body.get("id")), ((Number) body.get("version")).longValue(),
          (String) body.get("creditCode"), (String) body.get("name"), (String) body.get("verificationStatus"));
    }
  }
}
