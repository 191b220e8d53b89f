package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every organisation operation is documented with a summary naming its roles and its error responses. */
class OrganisationOpenApiTest extends OrganisationApiTest {

  @ParameterizedTest(name = "{1} {0}")
  @CsvSource({
      "/api/organisations, post, 401 403 409 422",
      "/api/organisations, get, 400 403 422",
      "/api/organisations/{id}, get, 404",
      "/api/organisations/{id}, put, 401 403 404 409 422",
      "/api/organisations/{id}/verification, post, 401 403 404 422",
      "/api/organisations/{id}/members, get, 401 403 404",
      "/api/organisations/{id}/members, post, 401 403 404 409 422",
      "/api/organisations/{id}/members/{subject}, delete, 401 403 404 409",
      "/api/me/organisations, get, 401"})
  @SuppressWarnings("rawtypes")
  void the_operation_names_its_roles_and_errors(String path, String method, String errors) {
    var document = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    var operation = (Map) ((Map) ((Map) document.get("paths")).get(path)).get(method);
    assertThat(operation).as(method + " " + path).isNotNull();
    assertThat((String) operation.get("summary")).contains("Roles:");
    assertThat(((Map) operation.get("responses")).keySet()).containsAll(java.util.List.of(errors.split(" ")));
  }
}
