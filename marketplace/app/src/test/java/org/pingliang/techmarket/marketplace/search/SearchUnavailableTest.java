package org.pingliang.techmarket.marketplace.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.listing.ListingTestData;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The search cluster is down (here: a port nobody listens on): search answers 503 problem+json with
 * Retry-After, while listings are still written (their events wait in the outbox and the stream).
 */
@TestPropertySource(properties = {
    "techmarket.search.elasticsearch-url=http://127.0.0.1:1",
    "techmarket.match-queue.enabled=false",
    "techmarket.search.embeddings-enabled=false"})
class SearchUnavailableTest extends ApiTest {

  @Test
  void search_answers_503_with_retry_after_and_listing_writes_keep_working() {
    for (var uri : new String[] {"/api/search?q=土豆", "/api/search", "/api/search/suggestions?q=马铃"}) {
      http.get().uri(uri).header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
          .expectStatus().isEqualTo(503)
          .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.type").isEqualTo(PROBLEM_BASE + "service-unavailable")
          .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Search is temporarily unavailable"));
    }

    var enterprise = as("enterprise");
    var organisation = ListingTestData.organisation(enterprise, as("admin"), "ENTERPRISE", true);
    var demand = enterprise.post().uri("/api/demands").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ListingTestData.demand(organisation))
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

    http.get().uri("/api/demands/{id}/matches", demand.get("id")).exchange()
        .expectStatus().isEqualTo(503)
        .expectHeader().exists(HttpHeaders.RETRY_AFTER);
    // Without the cluster, only what cannot be searched fails: the demand itself is there.
    http.get().uri("/api/demands/{id}", demand.get("id")).exchange().expectStatus().isOk();
  }
}
