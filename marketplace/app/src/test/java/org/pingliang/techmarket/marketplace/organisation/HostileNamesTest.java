package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

/**
 * Names are data, never markup or SQL: whatever a person can type is stored and returned exactly,
 * as JSON that no browser would render as a page.
 */
class HostileNamesTest extends OrganisationApiTest {

  static Stream<String> hostileNames() {
    return Stream.of(
        "<script>alert('平凉')</script>",
        "<img src=x onerror=alert(1)>&amp;&lt;",
        "'; DROP TABLE organisations; --",
        "Robert\"); DELETE FROM organisation_members WHERE ('1'='1",
        "平凉\u200B\u200C\u200D\uFEFF零宽字符",
        "\u202Egnp.exe\u202C 平凉\u200F\u061C",
        "🍎静宁苹果🥔庄浪马铃薯🐂平凉红牛 👨‍👩‍👧",
        "\\u003cscript\\u003e {{7*7}} ${7*7} %s %n",
        "陇东科技服务中心".repeat(25),
        "𠀀𪚥𰻞 (supplementary CJK)");
  }

  @ParameterizedTest
  @MethodSource("hostileNames")
  void a_hostile_name_is_stored_and_returned_byte_for_byte_as_json(String name) {
    var registered = registerVerified("enterprise", with(registration("ENTERPRISE"), "name", name));
    assertThat(registered.name()).isEqualTo(name);

    var raw = http.get().uri(ORGANISATIONS + "/{id}", registered.id()).exchange()
        .expectStatus().isOk()
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(raw).containsEntry("name", name);
    assertThat(((String) raw.get("name")).getBytes(StandardCharsets.UTF_8))
        .isEqualTo(name.getBytes(StandardCharsets.UTF_8));

    var stored = database.sql("SELECT name FROM organisations WHERE id = :id").bind("id", registered.id())
        .map(row -> row.get("name", String.class)).one().block();
    assertThat(stored).isEqualTo(name);
  }

  @org.junit.jupiter.api.Test
  void a_client_asking_for_html_gets_no_html() {
    var name = "<script>alert(document.cookie)</script>";
    var registered = registerVerified("enterprise", with(registration("ENTERPRISE"), "name", name));
    var body = http.get().uri(ORGANISATIONS + "/{id}", registered.id()).accept(MediaType.TEXT_HTML).exchange()
        .expectHeader().value("Content-Type", type -> assertThat(type).doesNotContain("html"))
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(body).doesNotContain("<script>");
  }
}
