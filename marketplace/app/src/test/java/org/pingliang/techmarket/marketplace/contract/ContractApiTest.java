package org.pingliang.techmarket.marketplace.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.deal.AcceptedOffer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Drives contracts over HTTP: draft from an offer, complete, sign, submit, register. */
abstract class ContractApiTest extends ApiTest {

  @Autowired
  protected ApplicationContext context;

  protected UUID draft(AcceptedOffer offer) {
    return ContractTestData.draft(context, offer);
  }

  /** A draft between the demo college (seller) and apple enterprise (buyer). */
  protected UUID demoDraft(long totalFen) {
    return draft(ContractTestData.offer(ContractTestData.COLLEGE, ContractTestData.APPLE_ENTERPRISE, totalFen));
  }

  @SuppressWarnings("unchecked")
  protected Map<String, Object> get(String user, UUID id) {
    return as(user).get().uri("/api/contracts/{id}", id).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
  }

  protected long version(String user, UUID id) {
    return ((Number) get(user, id).get("version")).longValue();
  }

  protected WebTestClient.ResponseSpec post(String user, String path, UUID id, Object body) {
    var request = as(user).post().uri("/api/contracts/{id}/" + path, id);
    return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  @SuppressWarnings("unchecked")
  protected Map<String, Object> ok(WebTestClient.ResponseSpec response) {
    return response.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
  }

  protected void problem(WebTestClient.ResponseSpec response, HttpStatus status, String type) {
    response.expectStatus().isEqualTo(status)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo(PROBLEM_BASE + type);
  }

  /** Fills the registration fields (equipment and materials deducted) as the seller's owner. */
  @SuppressWarnings("unchecked")
  protected Map<String, Object> complete(String editor, UUID id, long equipmentFen, long materialsFen) {
    return as(editor).put().uri("/api/contracts/{id}", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ContractTestData.completeForm(version(editor, id), equipmentFen, materialsFen))
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
  }

  /** Completes, sends for signature and signs by both demo owners. */
  protected Map<String, Object> signed(UUID id, String sellerOwner, String buyerOwner) {
    complete(sellerOwner, id, 0, 0);
    ok(post(sellerOwner, "signature-request", id, null));
    ok(post(sellerOwner, "signatures", id, null));
    var signed = ok(post(buyerOwner, "signatures", id, null));
    assertThat(signed.get("status")).isEqualTo("SIGNED");
    return signed;
  }

  /** Draft → registered between the demo college and apple enterprise. */
  protected Map<String, Object> registered(UUID id) {
    signed(id, "university", "enterprise");
    ok(post("university", "submission", id, null));
    return ok(post("admin", "registration", id, null));
  }

  @SuppressWarnings("unchecked")
  protected static UUID milestoneId(Map<String, Object> contract, int index) {
    var milestones = (List<Map<String, Object>>) contract.get("milestones");
    return UUID.fromString((String) milestones.get(index).get("id"));
  }

  @SuppressWarnings("unchecked")
  protected static long fen(Map<String, Object> contract, String field) {
    return ((Number) ((Map<String, Object>) contract.get(field)).get("amountFen")).longValue();
  }
}
