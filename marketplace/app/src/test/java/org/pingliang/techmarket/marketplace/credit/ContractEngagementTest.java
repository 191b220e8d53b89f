package org.pingliang.techmarket.marketplace.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.contract.ContractTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

/** A technology contract whose last milestone is accepted becomes an engagement its parties rate. */
class ContractEngagementTest extends ApiTest {

  @Autowired
  ApplicationContext context;

  @Test
  @SuppressWarnings("unchecked")
  void a_completed_contract_is_recorded_with_seller_buyer_and_broker() {
    var offer = ContractTestData.offer(ContractTestData.COLLEGE, ContractTestData.APPLE_ENTERPRISE, "TECHNOLOGY_TRANSFER",
        "PATENT_RIGHT", List.of(500_000L));
    var id = ContractTestData.draft(context, offer);
    var current = as("university").get().uri("/api/contracts/{id}", id).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    as("university").put().uri("/api/contracts/{id}", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ContractTestData.completeForm(((Number) current.get("version")).longValue(), 0, 0)).exchange()
        .expectStatus().isOk().expectBody().returnResult();
    step("university", id, "signature-request");
    step("university", id, "signatures");
    step("enterprise", id, "signatures");
    step("university", id, "submission");
    var registered = step("admin", id, "registration");
    var milestone = ((Map<String, Object>) ((List<?>) registered.get("milestones")).getFirst()).get("id");

    as("university").post().uri("/api/contracts/{id}/milestones/{m}/delivery", id, milestone).exchange()
        .expectStatus().isOk().expectBody().returnResult();
    assertThat(find(id)).isNull();
    var completed = as("enterprise").post().uri("/api/contracts/{id}/milestones/{m}/acceptance", id, milestone)
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    assertThat(completed.get("status")).isEqualTo("COMPLETED");

    var engagement = find(id);
    assertThat(engagement).isNotNull();
    assertThat(engagement.get("kind")).isEqualTo("CONTRACT");
    assertThat(((List<Map<String, Object>>) engagement.get("parties")).stream().map(p -> p.get("role")))
        .containsExactly("SELLER", "BUYER", "BROKER");
    assertThat(engagement.get("youMayRate")).isEqualTo(List.of(0, 2));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> find(UUID contractId) {
    var mine = as("enterprise").get().uri("/api/engagements?size=100").exchange().expectStatus().isOk()
        .expectBody(List.class).returnResult().getResponseBody();
    return ((List<Map<String, Object>>) mine).stream().filter(e -> contractId.toString().equals(e.get("referenceId")))
        .findFirst().orElse(null);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> step(String user, UUID id, String step) {
    return as(user).post().uri("/api/contracts/{id}/" + step, id).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
  }
}
