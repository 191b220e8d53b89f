package org.pingliang.techmarket.marketplace.negotiation;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Every negotiation route against the three callers who must be refused: someone who takes no
 * part (404, the room's existence stays secret — administrators included), a party's plain MEMBER
 * (reads, but 403 for anything that acts for the party) and an anonymous caller (401).
 */
class NegotiationAuthorizationTest extends NegotiationApiTest {

  private String base;
  private UUID offer;
  private UUID invitation;

  @BeforeEach
  void a_room_with_an_offer_and_an_invitation() {
    var room = room();
    base = "/api/negotiations/" + room;
    offer = makeOffer("university", room, 10_000_000);
    invitation = id(call(as("university"), HttpMethod.POST, base + "/broker-invitations", Map.of(
        "brokerOrganisationId", agency.toString(), "brokerSubject", BROKER, "commissionBasisPoints", 100))
        .expectStatus().isCreated());
  }

  private void refused(HttpMethod method, String uri, Object body, int member) {
    problem(call(as("university2"), method, uri, body), 404, "not-found");
    problem(call(as("admin"), method, uri, body), 404, "not-found");
    call(as("enterprise2"), method, uri, body).expectStatus().isEqualTo(member).expectBody().returnResult();
    problem(call(http, method, uri, body), 401, "unauthorized");
  }

  @Test
  void reading_the_room_and_its_parts() {
    refused(HttpMethod.GET, base, null, 200);
    refused(HttpMethod.GET, base + "/messages", null, 200);
    refused(HttpMethod.GET, base + "/offers", null, 200);
    refused(HttpMethod.GET, base + "/offers/" + offer, null, 200);
    problem(call(as("university2"), HttpMethod.GET, base + "/events", null), 404, "not-found");
    problem(call(http, HttpMethod.GET, base + "/events", null), 401, "unauthorized");
    problem(call(http, HttpMethod.GET, "/api/negotiations", null), 401, "unauthorized");
  }

  @Test
  void acting_in_the_room() {
    refused(HttpMethod.POST, base + "/messages", Map.of("body", "你好"), 403);
    refused(HttpMethod.POST, base + "/offers", offer(9_000_000), 403);
    refused(HttpMethod.POST, base + "/offers/" + offer + "/acceptance", null, 403);
    refused(HttpMethod.POST, base + "/offers/" + offer + "/declination", null, 403);
    refused(HttpMethod.POST, base + "/offers/" + offer + "/withdrawal", null, 403);
    refused(HttpMethod.POST, base + "/nda-requirement", null, 403);
    refused(HttpMethod.POST, base + "/nda-acknowledgement", null, 403);
    refused(HttpMethod.POST, base + "/broker-invitations/" + invitation + "/agreement", null, 403);
    refused(HttpMethod.POST, base + "/broker-invitations/" + invitation + "/declination", null, 403);
  }

  @Test
  void inviting_a_broker() {
    var body = Map.of("brokerOrganisationId", agency.toString(), "brokerSubject", BROKER, "commissionBasisPoints", 100);
    refused(HttpMethod.POST, base + "/broker-invitations", body, 403);
  }

  @Test
  void broker_only_routes_refuse_other_roles() {
    // Accepting an invitation is for the BROKER role; other roles are refused before any room is looked at.
    problem(call(as("enterprise2"), HttpMethod.POST, base + "/broker-invitations/" + invitation + "/acceptance", null),
        403, "forbidden");
    problem(call(as("university2"), HttpMethod.POST, base + "/broker-invitations/" + invitation + "/acceptance", null),
        403, "forbidden");
    problem(call(http, HttpMethod.POST, base + "/broker-invitations/" + invitation + "/acceptance", null), 401,
        "unauthorized");
    problem(call(as("enterprise"), HttpMethod.GET, "/api/broker-invitations", null), 403, "forbidden");
    problem(call(http, HttpMethod.GET, "/api/broker-invitations", null), 401, "unauthorized");
    var proposal = Map.of("brokerOrganisationId", agency.toString(), "demandId", demand.toString(),
        "achievementId", achievement.toString(), "commissionBasisPoints", 100);
    problem(call(as("enterprise"), HttpMethod.POST, "/api/broker-proposals", proposal), 403, "forbidden");
    problem(call(http, HttpMethod.POST, "/api/broker-proposals", proposal), 401, "unauthorized");
  }

  @Test
  void deciding_a_broker_proposal() {
    var proposal = id(call(as("broker"), HttpMethod.POST, "/api/broker-proposals", Map.of(
        "brokerOrganisationId", agency.toString(), "demandId", demand.toString(), "achievementId", achievement.toString(),
        "commissionBasisPoints", 100)).expectStatus().isCreated());
    var uri = "/api/broker-proposals/" + proposal;
    refused(HttpMethod.GET, uri, null, 200);
    refused(HttpMethod.POST, uri + "/acceptance", null, 403);
    refused(HttpMethod.POST, uri + "/declination", null, 403);
  }

  @Test
  void inquiring() {
    var inquiry = inquiry("ACHIEVEMENT", achievement, enterprise);
    problem(call(as("broker"), HttpMethod.POST, "/api/negotiations", inquiry), 403, "forbidden");
    problem(call(as("enterprise2"), HttpMethod.POST, "/api/negotiations", inquiry), 403, "forbidden");
    problem(call(http, HttpMethod.POST, "/api/negotiations", inquiry), 401, "unauthorized");
  }
}
