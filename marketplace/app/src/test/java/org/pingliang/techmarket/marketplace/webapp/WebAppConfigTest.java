package org.pingliang.techmarket.marketplace.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.identity.SecurityProperties;
import org.springframework.beans.factory.annotation.Autowired;

/** The web app learns where to log in from the API, without a token. */
class WebAppConfigTest extends ApiTest {

  @Autowired
  SecurityProperties security;

  @Test
  void anyone_reads_where_to_log_in() {
    var issuer = security.issuerUri().toString();
    http.get().uri("/api/web-config").exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("Cache-Control", "no-cache")
        .expectBody()
        .jsonPath("$.keycloak.url").value(url -> assertThat(issuer).isEqualTo(url + "/realms/techmarket"))
        .jsonPath("$.keycloak.realm").isEqualTo("techmarket")
        .jsonPath("$.keycloak.clientId").isEqualTo("techmarket-web");
  }

  @Test
  void a_signed_in_user_reads_the_same() {
    as("enterprise").get().uri("/api/web-config").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.keycloak.clientId").isEqualTo("techmarket-web");
  }

  @Test
  void only_get_is_allowed() {
    http.post().uri("/api/web-config").exchange().expectStatus().isUnauthorized();
    as("admin").post().uri("/api/web-config").exchange().expectStatus().value(status -> assertThat(status).isIn(404, 405));
  }

  @Test
  void the_realm_and_base_url_come_from_the_issuer() {
    var config = WebAppConfigController.WebAppConfig.of("https://sso.example.cn/auth/realms/techmarket/", "web");
    assertThat(config.keycloak().url()).isEqualTo("https://sso.example.cn/auth");
    assertThat(config.keycloak().realm()).isEqualTo("techmarket");
    assertThatThrownBy(() -> WebAppConfigController.WebAppConfig.of("https://sso.example.cn/", "web"))
        .isInstanceOf(IllegalStateException.class);
  }
}
