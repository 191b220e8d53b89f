package org.pingliang.techmarket.marketplace.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.springframework.http.MediaType;

/** Health of every dependency, the API description and the web app are reachable as documented. */
class PlatformEndpointsTest extends ApiTest {

  @Test
  void health_reports_each_dependency_as_up() {
    http.get().uri("/actuator/health").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.status").isEqualTo("UP")
        .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
        .jsonPath("$.components.redis.status").isEqualTo("UP")
        .jsonPath("$.components.elasticsearch.status").isEqualTo("UP")
        .jsonPath("$.components.keycloak.status").isEqualTo("UP");
  }

  @Test
  void health_details_are_for_operators_only() {
    http.get().uri("/actuator/health").exchange().expectBody()
        .jsonPath("$.components.elasticsearch.details").doesNotExist();
    as("admin").get().uri("/actuator/health").exchange().expectBody()
        .jsonPath("$.components.elasticsearch.details.cluster").exists()
        .jsonPath("$.components.keycloak.details.issuer").exists();
  }

  @Test
  void readiness_is_up_once_database_and_redis_answer() {
    http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("UP");
  }

  @Test
  void the_openapi_document_describes_the_api_and_its_security() {
    http.get().uri("/v3/api-docs").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.paths['/api/me'].get.summary").exists()
        .jsonPath("$.paths['/api/me/preferences'].put.responses['422']").exists()
        .jsonPath("$.components.securitySchemes.keycloak.type").isEqualTo("oauth2");
  }

  @Test
  void other_actuator_endpoints_are_closed() {
    as("admin").get().uri("/actuator/env").exchange().expectStatus().isForbidden();
  }

  @Test
  void the_web_app_is_served_at_the_root() {
    http.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(page -> assertThat(page).contains("平凉科技大市场"));
  }
}
