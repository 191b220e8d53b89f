package org.pingliang.techmarket.marketplace.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.springframework.http.MediaType;

/** Deep links of the web app get index.html; the API, operations and missing files keep their answers. */
class WebAppRoutingTest extends ApiTest {

  @Test
  void deep_links_of_the_web_app_answer_with_index_html() {
    for (var path : new String[] {"/", "/search", "/achievements/" + UUID.randomUUID(), "/me/organisation/imports",
        "/admin/moderation"}) {
      http.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
          .expectStatus().isOk()
          .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
          .expectHeader().valueEquals("Cache-Control", "no-cache")
          .expectBody(String.class).value(page -> assertThat(page).as(path).contains("<div id=\"root\">"));
    }
  }

  @Test
  void api_routes_stay_json_even_when_they_do_not_exist() {
    http.get().uri("/api/achievements?size=1").accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON).exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    http.get().uri("/api/no-such-route").accept(MediaType.TEXT_HTML).exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    as("enterprise").get().uri("/api/no-such-route").accept(MediaType.TEXT_HTML).exchange()
        .expectStatus().isNotFound()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void a_missing_file_is_a_404_not_the_app() {
    http.get().uri("/assets/no-such-bundle-" + UUID.randomUUID() + ".js").exchange().expectStatus().isNotFound();
    http.get().uri("/favicon-missing.png").exchange().expectStatus().isNotFound();
  }

  @Test
  void writes_to_app_routes_are_not_turned_into_pages() {
    http.post().uri("/search").exchange().expectStatus().value(status -> assertThat(status).isIn(401, 403, 404, 405));
  }

  @Test
  void bundles_are_cached_for_long_and_index_html_never() {
    var page = http.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    var bundle = java.util.regex.Pattern.compile("/assets/[^\"]+\\.js").matcher(page);
    assertThat(bundle.find()).as("index.html links a hashed bundle").isTrue();
    http.get().uri(bundle.group()).exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("Cache-Control", "public, max-age=31536000, immutable");
  }

  @Test
  void app_routes_are_recognised_by_path_only() {
    assertThat(SpaRouting.isAppRoute("/search")).isTrue();
    assertThat(SpaRouting.isAppRoute("/achievements/0194-abc")).isTrue();
    assertThat(SpaRouting.isAppRoute("/api/search")).isFalse();
    assertThat(SpaRouting.isAppRoute("/api")).isFalse();
    assertThat(SpaRouting.isAppRoute("/actuator/health")).isFalse();
    assertThat(SpaRouting.isAppRoute("/v3/api-docs")).isFalse();
    assertThat(SpaRouting.isAppRoute("/swagger-ui.html")).isFalse();
    assertThat(SpaRouting.isAppRoute("/silent-check-sso.html")).isFalse();
  }

  @Test
  void the_silent_login_check_page_may_be_framed_by_the_app_only() {
    http.get().uri("/silent-check-sso.html").exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("X-Frame-Options", "SAMEORIGIN")
        .expectBody(String.class).value(page -> assertThat(page).contains("parent.postMessage(location.href, location.origin)"));
  }
}
