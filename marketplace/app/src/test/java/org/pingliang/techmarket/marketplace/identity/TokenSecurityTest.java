package org.pingliang.techmarket.marketplace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.testsupport.DevServices;
import org.pingliang.techmarket.testsupport.KeycloakTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Every way a bearer token can be wrong ends in 401 problem+json; a wrong role ends in 403. */
class TokenSecurityTest extends ApiTest {

  @Test
  void a_logged_in_user_is_recognised_with_their_realm_roles() {
    as("enterprise").get().uri("/api/me").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.username").isEqualTo("enterprise")
        .jsonPath("$.roles").isEqualTo(java.util.List.of("ENTERPRISE"));
  }

  @Test
  void no_token_is_401_problem() {
    http.get().uri("/api/me").exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
        .expectBody().jsonPath("$.type").isEqualTo(PROBLEM_BASE + "unauthorized")
        .jsonPath("$.status").isEqualTo(401);
  }

  @Test
  void a_wrong_role_is_403_problem() {
    as("enterprise").get().uri("/actuator/prometheus").exchange()
        .expectStatus().isForbidden()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo(PROBLEM_BASE + "forbidden");
  }

  @Test
  void the_right_role_passes_the_same_rule() {
    as("admin").get().uri("/actuator/prometheus").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(body -> assertThat(body).contains("http_server_requests"));
  }

  @Test
  void a_tampered_signature_is_401() {
    var token = KeycloakTokens.user("university");
    var parts = token.split("\\.");
    var signature = parts[2];
    var flipped = (signature.charAt(10) == 'A' ? 'B' : 'A');
    var tampered = parts[0] + "." + parts[1] + "." + signature.substring(0, 10) + flipped + signature.substring(11);

    expectInvalidToken(tampered);
  }

  @Test
  void a_changed_payload_with_the_original_signature_is_401() {
    var parts = KeycloakTokens.user("university").split("\\.");
    var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("\"UNIVERSITY\"", "\"ADMIN\"");
    var forged = parts[0] + "." + base64(payload) + "." + parts[2];

    expectInvalidToken(forged);
  }

  @Test
  void an_unsigned_alg_none_token_is_401() {
    var parts = KeycloakTokens.user("admin").split("\\.");
    var unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";

    expectInvalidToken(unsigned);
  }

  @Test
  void a_token_from_another_realm_is_401() {
    expectInvalidToken(KeycloakTokens.masterRealmAdmin());
  }

  @Test
  void a_token_of_our_realm_without_the_api_audience_is_401() {
    expectInvalidToken(KeycloakTokens.userWithoutApiAudience("enterprise"));
  }

  @Test
  void garbage_in_the_authorization_header_is_401() {
    expectInvalidToken("not-a-jwt");
  }

  @Test
  void an_expired_token_is_401_after_the_small_clock_skew() {
    // techmarket-probe issues 2-second tokens; with 5 s of skew the token must die within ~7 s.
    var token = KeycloakTokens.freshClient("techmarket-probe", DevServices.get("TECHMARKET_PROBE_CLIENT_SECRET"));
    withToken(token).get().uri("/api/me").exchange().expectStatus().isOk();

    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
        .until(() -> withToken(token).get().uri("/api/me").exchange().returnResult(String.class).getStatus()
            == HttpStatus.UNAUTHORIZED);
    expectInvalidToken(token);
  }

  private void expectInvalidToken(String token) {
    withToken(token).get().uri("/api/me").exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
        .expectBody().jsonPath("$.type").isEqualTo(PROBLEM_BASE + "unauthorized")
        .jsonPath("$.detail").exists();
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
