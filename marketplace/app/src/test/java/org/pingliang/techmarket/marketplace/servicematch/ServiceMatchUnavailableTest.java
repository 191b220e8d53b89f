package org.pingliang.techmarket.marketplace.servicematch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.listing.ListingTestData;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The search cluster is down (a port nobody listens on): matching answers 503 problem+json with
 * Retry-After, while offers and requests are still written (their events wait in the outbox/stream).
 */
@TestPropertySource(properties = {
    "techmarket.search.elasticsearch-url=http://127.0.0.1:1",
    "techmarket.match-queue.enabled=false",
    "techmarket.search.embeddings-enabled=false"})
class ServiceMatchUnavailableTest extends ApiTest {

  @Test
  void matching_answers_503_with_retry_after_and_writes_keep_working() {
    var commissioner = as("commissioner");
    var enterprise = as("enterprise");
    var offer = ServiceTestData.created(commissioner, "/api/service-offers",
        ServiceTestData.offer("果园土壤改良技术指导", "有机肥替代化肥与土壤改良。"));
    var organisation = ListingTestData.organisation(enterprise, as("admin"), "ENTERPRISE", true);
    var request = ServiceTestData.created(enterprise, "/api/service-requests",
        ServiceTestData.enterpriseRequest(organisation, "果园土壤板结", "果园土壤板结、有机质低。"));

    for (var client : new org.springframework.test.web.reactive.server.WebTestClient[] {enterprise, commissioner}) {
      var uri = client == enterprise ? "/api/service-requests/" + request.get("id") + "/matches"
          : "/api/service-offers/" + offer.get("id") + "/matches";
      client.get().uri(uri).header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
          .expectStatus().isEqualTo(503)
          .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.type").isEqualTo(PROBLEM_BASE + "service-unavailable")
          .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Service matching is temporarily unavailable"));
    }
    // What does not need the cluster keeps working.
    enterprise.get().uri("/api/service-requests/{id}", request.get("id")).exchange().expectStatus().isOk();
    ServiceTestData.post(commissioner, "/api/service-offers/" + offer.get("id") + "/withdrawal", Map.of())
        .expectStatus().isOk();
  }
}
