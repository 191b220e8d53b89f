package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** POST /api/organisations/{id}/verification: administrators verify or reject, with a reason for a rejection. */
class VerifyingOrganisationTest extends OrganisationApiTest {

  private WebTestClient.ResponseSpec decide(WebTestClient client, UUID id, Object body) {
    return client.post().uri(ORGANISATIONS + "/{id}/verification", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body).exchange();
  }

  @Test
  void an_administrator_verifies_and_the_organisation_becomes_public() {
    var registered = register("university");
    decide(as("admin"), registered.id(), Map.of("decision", "VERIFIED"))
        .expectStatus().isOk()
        .expectHeader().valueEquals("ETag", "\"1\"")
        .expectBody().jsonPath("$.verificationStatus").isEqualTo("VERIFIED");
    http.get().uri(ORGANISATIONS + "/{id}", registered.id()).exchange().expectStatus().isOk();
    assertThat(history(registered.id()).getLast())
        .containsEntry("change_type", "VERIFIED").containsEntry("changed_by", ADMIN)
        .containsEntry("organisation_version", 1L);
  }

  @Test
  void a_rejection_keeps_its_reason_for_the_members() {
    var registered = register("enterprise");
    decide(as("admin"), registered.id(), Map.of("decision", "REJECTED", "reason", "信用代码与营业执照不符"))
        .expectStatus().isOk().expectBody()
        .jsonPath("$.verificationStatus").isEqualTo("REJECTED")
        .jsonPath("$.rejectionReason").isEqualTo("信用代码与营业执照不符");
    assertThat(history(registered.id()).getLast())
        .containsEntry("change_type", "REJECTED").containsEntry("reason", "信用代码与营业执照不符");
  }

  @Test
  void a_rejection_without_a_reason_is_422() {
    var registered = register("enterprise");
    rejectsField(decide(as("admin"), registered.id(), Map.of("decision", "REJECTED")), "reason", "required");
    rejectsField(decide(as("admin"), registered.id(), Map.of("decision", "REJECTED", "reason", "  ")), "reason",
        "required");
    rejectsField(decide(as("admin"), registered.id(), Map.of("decision", "REJECTED", "reason", "理".repeat(1001))),
        "reason", "size");
  }

  @Test
  void a_missing_or_unknown_decision_is_refused() {
    var registered = register("enterprise");
    rejectsField(decide(as("admin"), registered.id(), Map.of("reason", "没有决定")), "decision", "required");
    problem(decide(as("admin"), registered.id(), Map.of("decision", "PENDING")), HttpStatus.BAD_REQUEST,
        "malformed-request").jsonPath("$.errors[0].field").isEqualTo("decision");
  }

  @Test
  void a_decision_on_details_that_changed_meanwhile_is_409() {
    var registered = register("enterprise");
    as("enterprise").put().uri(ORGANISATIONS + "/{id}", registered.id()).header("If-Match", "\"0\"")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("name", "审核前改名", "regionCode", "620802", "legalEntityType", Map.of("category", "ENTERPRISE")))
        .exchange().expectStatus().isOk();
    problem(as("admin").post().uri(ORGANISATIONS + "/{id}/verification", registered.id()).header("If-Match", "\"0\"")
        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "VERIFIED")).exchange(),
        HttpStatus.CONFLICT, "conflict");
    decide(as("admin"), registered.id(), Map.of("decision", "VERIFIED", "version", 1)).expectStatus().isOk();
  }

  @Test
  void only_administrators_decide() {
    var registered = register("enterprise");
    problem(decide(as("enterprise"), registered.id(), Map.of("decision", "VERIFIED")), HttpStatus.FORBIDDEN,
        "forbidden");
    problem(decide(as("broker"), registered.id(), Map.of("decision", "VERIFIED")), HttpStatus.FORBIDDEN, "forbidden");
    problem(decide(http, registered.id(), Map.of("decision", "VERIFIED")), HttpStatus.UNAUTHORIZED, "unauthorized");
    as("enterprise").get().uri(ORGANISATIONS + "/{id}", registered.id()).exchange()
        .expectBody().jsonPath("$.verificationStatus").isEqualTo("PENDING");
  }

  @Test
  void an_unknown_organisation_is_404() {
    problem(decide(as("admin"), UUID.randomUUID(), Map.of("decision", "VERIFIED")), HttpStatus.NOT_FOUND, "not-found");
  }

  @Test
  void an_unknown_field_is_400() {
    var registered = register("enterprise");
    problem(decide(as("admin"), registered.id(), Map.of("decision", "VERIFIED", "status", "VERIFIED")),
        HttpStatus.BAD_REQUEST, "malformed-request").jsonPath("$.errors[0].field").isEqualTo("status");
  }
}
