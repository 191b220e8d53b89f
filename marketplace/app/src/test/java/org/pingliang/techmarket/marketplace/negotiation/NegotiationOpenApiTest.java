package org.pingliang.techmarket.marketplace.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pingliang.techmarket.marketplace.ApiTest;

/** Every negotiation operation is documented with a summary naming its roles and its error responses. */
class NegotiationOpenApiTest extends ApiTest {

  @ParameterizedTest(name = "{1} {0}")
  @CsvSource({
      "/api/negotiations, post, 401 403 422",
      "/api/negotiations, get, 400 401",
      "/api/negotiations/{id}, get, 401 404",
      "/api/negotiations/{id}/nda-requirement, post, 401 403 404 409",
      "/api/negotiations/{id}/nda-acknowledgement, post, 401 403 404 409",
      "/api/negotiations/{id}/messages, post, 401 403 404 409 422",
      "/api/negotiations/{id}/messages, get, 401 404",
      "/api/negotiations/{id}/events, get, 401 404",
      "/api/negotiations/{id}/offers, post, 401 403 404 409 422",
      "/api/negotiations/{id}/offers, get, 401 404",
      "/api/negotiations/{id}/offers/{offerId}, get, 401 404",
      "/api/negotiations/{id}/offers/{offerId}/acceptance, post, 401 403 404 409",
      "/api/negotiations/{id}/offers/{offerId}/declination, post, 401 403 404 409",
      "/api/negotiations/{id}/offers/{offerId}/withdrawal, post, 401 403 404 409",
      "/api/negotiations/{id}/broker-invitations, post, 401 403 404 409 422",
      "/api/negotiations/{id}/broker-invitations/{invitationId}/agreement, post, 401 403 404 409",
      "/api/negotiations/{id}/broker-invitations/{invitationId}/acceptance, post, 401 403 404 409",
      "/api/negotiations/{id}/broker-invitations/{invitationId}/declination, post, 401 403 404 409",
      "/api/broker-invitations, get, 401 403",
      "/api/broker-proposals, post, 401 403 422",
      "/api/broker-proposals/{id}, get, 401 404",
      "/api/broker-proposals/{id}/acceptance, post, 401 403 404 409",
      "/api/broker-proposals/{id}/declination, post, 401 403 404 409"})
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
