package org.pingliang.techmarket.marketplace.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pingliang.techmarket.marketplace.ApiTest;

/** Every contract operation is documented with a summary naming its roles and its error responses. */
class ContractOpenApiTest extends ApiTest {

  @ParameterizedTest(name = "{1} {0}")
  @CsvSource({
      "/api/contracts, get, 401 422",
      "/api/contracts/{id}, get, 401 404",
      "/api/contracts/{id}, put, 400 401 403 404 409 422",
      "/api/contracts/{id}/signature-request, post, 401 403 404 409 422",
      "/api/contracts/{id}/revision, post, 401 403 404 409",
      "/api/contracts/{id}/signatures, post, 401 403 404 409 422",
      "/api/contracts/{id}/submission, post, 401 403 404 409",
      "/api/contracts/{id}/registration, post, 401 403 404 409",
      "/api/contracts/{id}/rejection, post, 401 403 404 409 422",
      "/api/contracts/{id}/milestones/{milestoneId}/delivery, post, 401 403 404 409",
      "/api/contracts/{id}/milestones/{milestoneId}/acceptance, post, 401 403 404 409",
      "/api/contracts/{id}/termination, post, 401 403 404 409 422",
      "/api/contracts/{id}/audit-log, get, 401 404",
      "/api/contracts/{id}/audit-log/verification, get, 401 404",
      "/api/contracts/{id}/registration-form.pdf, get, 401 404",
      "/api/contracts/{id}/registration-form.csv, get, 401 404",
      "/api/registrations, get, 401 403",
      "/api/contract-statistics, get, 400 422",
      "/api/contract-statistics/target, get, 400 422"})
  @SuppressWarnings("rawtypes")
  void the_operation_names_its_roles_and_errors(String path, String method, String errors) {
    var document = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    var operation = (Map) ((Map) ((Map) document.get("paths")).get(path)).get(method);
    assertThat(operation).as(method + " " + path).isNotNull();
    assertThat((String) operation.get("summary")).contains("Roles:");
    assertThat(((Map) operation.get("responses")).keySet()).containsAll(List.of(errors.split(" ")));
  }
}
