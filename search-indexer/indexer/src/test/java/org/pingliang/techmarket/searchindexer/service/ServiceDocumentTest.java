package org.pingliang.techmarket.searchindexer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.events.EventEnvelope;

class ServiceDocumentTest {

  @Test
  void an_offer_is_visible_only_while_active_and_reads_title_and_description_for_its_vector() {
    var id = UUID.randomUUID();
    var active = ServiceDocument.of(event("ServiceOffer", id, 2, """
        {"title":"苹果树腐烂病防治","description":"刮治涂药","status":"ACTIVE","counties":["620826"],"modes":["REMOTE"],
         "commissioner":{"subject":"s","name":"n"}}"""));
    assertThat(active.version()).isEqualTo(2);
    assertThat(active.source()).containsEntry("kind", "OFFER").containsEntry("visible", true)
        .containsEntry("commissionerSubject", "s").doesNotContainKey("statusReason");
    assertThat(active.embeddingText()).isEqualTo("苹果树腐烂病防治。刮治涂药");
    var withdrawn = ServiceDocument.of(event("ServiceOffer", id, 3, """
        {"title":"苹果树腐烂病防治","description":"刮治涂药","status":"WITHDRAWN"}"""));
    assertThat(withdrawn.source()).containsEntry("visible", false);
  }

  @Test
  void a_closed_request_is_invisible_and_its_vector_text_has_problem_and_help() {
    var request = ServiceDocument.of(event("ServiceRequest", UUID.randomUUID(), 1, """
        {"title":"马铃薯晚疫病","problem":"病斑蔓延","expectedHelp":"进村培训","status":"CLOSED","countyCode":"620825",
         "requester":{"kind":"VILLAGE","placeName":"某村"}}"""));
    assertThat(request.source()).containsEntry("kind", "REQUEST").containsEntry("visible", false)
        .containsEntry("placeName", "某村");
    assertThat(request.embeddingText()).isEqualTo("马铃薯晚疫病。病斑蔓延。进村培训");
  }

  @Test
  void other_aggregates_and_broken_payloads_are_refused_so_they_can_be_parked() {
    assertThatThrownBy(() -> ServiceDocument.of(event("Achievement", UUID.randomUUID(), 1, "{\"title\":\"x\",\"status\":\"A\"}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServiceDocument.of(event("ServiceOffer", UUID.randomUUID(), 1, "[1]")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServiceDocument.of(event("ServiceOffer", UUID.randomUUID(), 1, "{\"title\":\"x\"}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
  }

  private static EventEnvelope event(String aggregateType, UUID id, long version, String payload) {
    return new EventEnvelope(UUID.randomUUID(), "Changed", aggregateType, id, version, Instant.now(), 1, payload);
  }
}
