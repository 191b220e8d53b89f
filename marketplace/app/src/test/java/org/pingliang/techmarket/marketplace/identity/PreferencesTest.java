package org.pingliang.techmarket.marketplace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/** Preferences live in PostgreSQL, belong to the caller only, and refuse stale writes. */
class PreferencesTest extends ApiTest {

  @Autowired
  DatabaseClient database;

  @BeforeEach
  void forget_all_preferences() {
    database.sql("DELETE FROM user_preferences").then().block();
  }

  @Test
  void a_change_is_stored_and_a_stale_one_is_refused_with_409() {
    var first = as("broker").put().uri("/api/me/preferences").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("locale", "en", "emailNotifications", false)).exchange()
        .expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(first).containsEntry("locale", "en").containsEntry("emailNotifications", false);
    var version = ((Number) first.get("version")).longValue();

    as("broker").put().uri("/api/me/preferences").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("locale", "zh-CN", "emailNotifications", true, "version", version)).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.version").isEqualTo((int) version + 1);

    as("broker").put().uri("/api/me/preferences").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("locale", "en", "emailNotifications", true, "version", version)).exchange()
        .expectStatus().isEqualTo(409)
        .expectBody().jsonPath("$.type").isEqualTo(PROBLEM_BASE + "conflict");

    as("broker").get().uri("/api/me").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.preferences.locale").isEqualTo("zh-CN");
  }

  @Test
  void one_user_never_sees_another_users_preferences() {
    as("commissioner").put().uri("/api/me/preferences").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("locale", "en", "emailNotifications", false)).exchange()
        .expectStatus().isOk();

    as("enterprise2").get().uri("/api/me").exchange().expectStatus().isOk()
        .expectBody()
        .jsonPath("$.username").isEqualTo("enterprise2")
        .jsonPath("$.preferences.locale").isEqualTo("zh-CN");
  }
}
