package org.pingliang.techmarket.marketplace.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Bad input of every kind gets a clear problem+json: the right status, a stable type URI and the
 * field to fix. Never a 500, never a stack trace.
 */
class ErrorModelTest extends ApiTest {

  private static final String PREFERENCES = "/api/me/preferences";

  private WebTestClient.ResponseSpec put(String json) {
    return as("university2").put().uri(PREFERENCES).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
  }

  private static void problem(WebTestClient.ResponseSpec response, HttpStatus status, String type) {
    response.expectStatus().isEqualTo(status)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type").isEqualTo(PROBLEM_BASE + type)
        .jsonPath("$.status").isEqualTo(status.value())
        .jsonPath("$.title").exists()
        .jsonPath("$.requestId").exists()
        .jsonPath("$.trace").doesNotExist()
        .jsonPath("$.exception").doesNotExist();
  }

  @Test
  void malformed_json_is_400_naming_the_document() {
    var response = put("{\"locale\": \"zh-CN\", ");
    problem(response, HttpStatus.BAD_REQUEST, "malformed-request");
    put("{\"locale\": \"zh-CN\", ").expectBody()
        .jsonPath("$.errors[0].field").isEqualTo("$")
        .jsonPath("$.errors[0].code").isEqualTo("malformed-json");
  }

  @Test
  void a_wrong_type_is_400_naming_the_field() {
    put("{\"locale\": \"zh-CN\", \"emailNotifications\": \"sometimes\"}").expectStatus().isBadRequest()
        .expectBody()
        .jsonPath("$.type").isEqualTo(PROBLEM_BASE + "malformed-request")
        .jsonPath("$.errors[0].field").isEqualTo("emailNotifications")
        .jsonPath("$.errors[0].code").isEqualTo("wrong-type");
  }

  @Test
  void a_number_where_text_belongs_in_a_version_is_400() {
    put("{\"locale\": \"en\", \"emailNotifications\": true, \"version\": \"latest\"}").expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("version");
  }

  @Test
  void an_unknown_field_is_400_naming_it() {
    problem(put("{\"locale\": \"en\", \"emailNotifications\": true, \"isAdmin\": true}"),
        HttpStatus.BAD_REQUEST, "malformed-request");
    put("{\"locale\": \"en\", \"emailNotifications\": true, \"isAdmin\": true}").expectBody()
        .jsonPath("$.errors[0].field").isEqualTo("isAdmin")
        .jsonPath("$.errors[0].code").isEqualTo("unknown-field");
  }

  @Test
  void a_missing_required_field_and_a_value_out_of_range_are_422_with_both_fields() {
    put("{\"locale\": \"fr\"}").expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type").isEqualTo(PROBLEM_BASE + "validation-failed")
        .jsonPath("$.errors.length()").isEqualTo(2)
        .jsonPath("$.errors[?(@.field == 'locale')].code").isEqualTo("pattern")
        .jsonPath("$.errors[?(@.field == 'emailNotifications')].code").isEqualTo("not-null");
  }

  @Test
  void an_empty_body_is_400() {
    as("university2").put().uri(PREFERENCES).contentType(MediaType.APPLICATION_JSON).exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.type").isEqualTo(PROBLEM_BASE + "malformed-request");
  }

  @Test
  void a_declared_oversized_body_is_413() {
    var big = "{\"locale\": \"" + "中".repeat(400_000) + "\"}";
    problem(put(big), HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
  }

  @Test
  void an_oversized_body_streamed_without_a_length_is_413_too() {
    var chunk = "{\"locale\": \"" + "x".repeat(2_000_000) + "\"}";
    var response = as("university2").put().uri(PREFERENCES).contentType(MediaType.APPLICATION_JSON)
        .body(reactor.core.publisher.Flux.just(chunk).map(s -> new org.springframework.core.io.buffer.DefaultDataBufferFactory()
            .wrap(s.getBytes(java.nio.charset.StandardCharsets.UTF_8))), org.springframework.core.io.buffer.DataBuffer.class)
        .exchange();
    problem(response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
  }

  @Test
  void a_wrong_content_type_is_415() {
    problem(as("university2").put().uri(PREFERENCES).contentType(MediaType.TEXT_PLAIN).bodyValue("locale=en").exchange(),
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
  }

  @Test
  void a_wrong_method_is_405_with_the_allowed_ones() {
    var response = as("university2").delete().uri(PREFERENCES).exchange();
    response.expectHeader().valueMatches("Allow", ".*PUT.*");
    problem(as("university2").delete().uri(PREFERENCES).exchange(), HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed");
  }

  @Test
  void an_unknown_api_route_is_404_for_a_signed_in_user_and_401_for_anyone_else() {
    problem(as("university2").get().uri("/api/no-such-thing").exchange(), HttpStatus.NOT_FOUND, "not-found");
    problem(http.get().uri("/api/no-such-thing").exchange(), HttpStatus.UNAUTHORIZED, "unauthorized");
  }

  @Test
  void an_unknown_page_is_404_problem() {
    problem(http.get().uri("/no-such-page.html").exchange(), HttpStatus.NOT_FOUND, "not-found");
  }

  @Test
  void titles_speak_chinese_by_default_and_english_on_request() {
    http.get().uri("/api/me").exchange().expectBody().jsonPath("$.title").isEqualTo("需要登录");
    http.get().uri("/api/me").header("Accept-Language", "en-GB,en;q=0.9").exchange()
        .expectHeader().valueEquals("Content-Language", "en")
        .expectBody().jsonPath("$.title").isEqualTo("Sign-in required");
  }

  @Test
  void a_problem_carries_the_request_id_of_the_response() {
    var result = http.get().uri("/api/me").header("X-Request-Id", "trace-me-42").exchange()
        .expectHeader().valueEquals("X-Request-Id", "trace-me-42")
        .expectBody(Map.class).returnResult();
    assertThat(result.getResponseBody()).containsEntry("requestId", "trace-me-42");
  }

  @Test
  void a_hostile_request_id_is_replaced_not_echoed() {
    http.get().uri("/api/me").header("X-Request-Id", "<script>alert(1)</script>").exchange()
        .expectHeader().value("X-Request-Id", id -> assertThat(id).doesNotContain("<").hasSize(36));
  }
}
