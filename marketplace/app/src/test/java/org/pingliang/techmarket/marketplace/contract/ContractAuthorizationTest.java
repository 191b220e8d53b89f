package org.pingliang.techmarket.marketplace.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.listing.ListingTestData;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every contract endpoint against an anonymous caller (401), a non-party (enterprise2: 404, the
 * contract does not exist for them), a party's MEMBER (university2: reads, but 403 on anything that
 * needs a role), the broker, and ADMIN before and after submission.
 */
class ContractAuthorizationTest extends ContractApiTest {

  private static UUID seller;

  /** A verified seller organisation owned by university, with university2 as a plain MEMBER. */
  private UUID seller() {
    if (seller == null) {
      seller = ListingTestData.organisation(as("university"), as("admin"), "UNIVERSITY", true);
      as("university").post().uri("/api/organisations/{id}/members", seller).contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("subject", ContractTestData.UNIVERSITY2_SUBJECT, "role", "MEMBER"))
          .exchange().expectStatus().isCreated();
    }
    return seller;
  }

  private UUID contract() {
    return draft(ContractTestData.offer(seller(), ContractTestData.APPLE_ENTERPRISE, 1_000_000));
  }

  private WebTestClient.ResponseSpec call(WebTestClient client, HttpMethod method, String uri, Object body) {
    var request = client.method(method).uri(uri);
    return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  private void expect(WebTestClient client, HttpMethod method, String uri, Object body, int status) {
    call(client, method, uri, body).expectStatus().isEqualTo(status);
  }

  private void refused(HttpMethod method, String uri, Object body, int member) {
    call(http, method, uri, body).expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    problem(call(as("enterprise2"), method, uri, body), HttpStatus.NOT_FOUND, "not-found");
    expect(as("university2"), method, uri, body, member);
  }

  @Test
  void reading_a_contract_needs_membership_of_a_party_or_being_its_broker() {
    var id = contract();
    for (var path : new String[] {"", "/audit-log", "/audit-log/verification", "/registration-form.csv",
        "/registration-form.pdf"}) {
      var uri = "/api/contracts/" + id + path;
      refused(HttpMethod.GET, uri, null, 200);
      expect(as("broker"), HttpMethod.GET, uri, null, 200);
      expect(as("enterprise"), HttpMethod.GET, uri, null, 200);
      // A registrar sees contracts only once they are submitted.
      expect(as("admin"), HttpMethod.GET, uri, null, 404);
    }
    expect(http, HttpMethod.GET, "/api/contracts", null, 401);
    var mine = as("enterprise2").get().uri("/api/contracts?size=100").exchange().expectStatus().isOk()
        .expectBodyList(Map.class).returnResult().getResponseBody();
    assertThat(mine).noneMatch(c -> id.toString().equals(c.get("id")));
    var members = as("university2").get().uri("/api/contracts?size=100").exchange().expectStatus().isOk()
        .expectBodyList(Map.class).returnResult().getResponseBody();
    assertThat(members).anyMatch(c -> id.toString().equals(c.get("id")));
  }

  @Test
  void changing_a_draft_needs_an_owner_or_editor_of_a_party() {
    var id = contract();
    var uri = "/api/contracts/" + id;
    var form = ContractTestData.completeForm(1, 0, 0);
    refused(HttpMethod.PUT, uri, form, 403);
    expect(as("broker"), HttpMethod.PUT, uri, form, 403);
    refused(HttpMethod.POST, uri + "/signature-request", null, 403);
    expect(as("broker"), HttpMethod.POST, uri + "/signature-request", null, 403);
    ok(call(as("enterprise"), HttpMethod.PUT, uri, form));
    ok(post("university", "signature-request", id, null));
    refused(HttpMethod.POST, uri + "/revision", null, 403);
    refused(HttpMethod.POST, uri + "/signatures", null, 403);
    expect(as("broker"), HttpMethod.POST, uri + "/signatures", null, 403);
    ok(post("university", "signatures", id, null));
    ok(post("enterprise", "signatures", id, null));
    refused(HttpMethod.POST, uri + "/submission", null, 403);
    refused(HttpMethod.POST, uri + "/termination", Map.of("reason", "x"), 403);
    expect(as("broker"), HttpMethod.POST, uri + "/termination", Map.of("reason", "x"), 403);
  }

  @Test
  void only_the_registrar_registers_or_rejects() {
    var id = contract();
    var uri = "/api/contracts/" + id;
    for (var action : new String[] {"/registration", "/rejection"}) {
      expect(http, HttpMethod.POST, uri + action, Map.of("reason", "x"), 401);
      expect(as("university"), HttpMethod.POST, uri + action, Map.of("reason", "x"), 403);
      expect(as("enterprise2"), HttpMethod.POST, uri + action, Map.of("reason", "x"), 403);
      // Not submitted yet: the registrar does not see it.
      expect(as("admin"), HttpMethod.POST, uri + action, Map.of("reason", "x"), 404);
    }
    expect(http, HttpMethod.GET, "/api/registrations", null, 401);
    expect(as("university"), HttpMethod.GET, "/api/registrations", null, 403);
    expect(as("broker"), HttpMethod.GET, "/api/registrations", null, 403);
    expect(as("admin"), HttpMethod.GET, "/api/registrations?status=REGISTERED&size=5", null, 200);
  }

  @Test
  void the_seller_delivers_and_only_the_buyer_owner_accepts() {
    var id = contract();
    signed(id, "university", "enterprise");
    ok(post("university", "submission", id, null));
    expect(as("admin"), HttpMethod.GET, "/api/contracts/" + id, null, 200);
    var registered = ok(post("admin", "registration", id, null));
    var milestone = milestoneId(registered, 0);
    var delivery = "/api/contracts/" + id + "/milestones/" + milestone + "/delivery";
    var acceptance = "/api/contracts/" + id + "/milestones/" + milestone + "/acceptance";
    refused(HttpMethod.POST, delivery, null, 403);
    expect(as("enterprise"), HttpMethod.POST, delivery, null, 403);
    expect(as("admin"), HttpMethod.POST, delivery, null, 403);
    ok(call(as("university"), HttpMethod.POST, delivery, null));
    refused(HttpMethod.POST, acceptance, null, 403);
    expect(as("university"), HttpMethod.POST, acceptance, null, 403);
    expect(as("broker"), HttpMethod.POST, acceptance, null, 403);
    ok(call(as("enterprise"), HttpMethod.POST, acceptance, null));
    problem(call(as("enterprise"), HttpMethod.POST, "/api/contracts/" + id + "/milestones/" + UUID.randomUUID()
        + "/acceptance", null), HttpStatus.NOT_FOUND, "not-found");
  }

  @Test
  void an_unknown_contract_is_not_found_for_everybody() {
    var uri = "/api/contracts/" + UUID.randomUUID();
    problem(call(as("university"), HttpMethod.GET, uri, null), HttpStatus.NOT_FOUND, "not-found");
    problem(call(as("admin"), HttpMethod.GET, uri + "/registration-form.pdf", null), HttpStatus.NOT_FOUND, "not-found");
    problem(call(as("university"), HttpMethod.GET, "/api/contracts/not-a-uuid", null), HttpStatus.BAD_REQUEST,
        "malformed-request");
  }
}
