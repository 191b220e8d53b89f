package org.pingliang.techmarket.marketplace.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.deal.AcceptedOffer;
import org.pingliang.techmarket.marketplace.listing.ListingTestData;
import org.springframework.http.HttpMethod;

/** Brokers (技术经纪人): invited by a party with both parties' agreement, or proposing a match themselves. */
class BrokersTest extends NegotiationApiTest {

  private Map<String, Object> invitation(int basisPoints) {
    return Map.of("brokerOrganisationId", agency.toString(), "brokerSubject", BROKER, "commissionBasisPoints",
        basisPoints);
  }

  @Test
  void an_invited_broker_joins_when_the_other_party_agrees_and_earns_the_agreed_commission() {
    var room = room();
    var base = "/api/negotiations/" + room;
    var invited = body(call(as("enterprise"), HttpMethod.POST, base + "/broker-invitations", invitation(150))
        .expectStatus().isCreated());
    var invitationId = invited.get("id");
    assertThat(invited.get("agreedByBuyer")).isEqualTo(ENTERPRISE);
    assertThat(invited.get("agreedBySeller")).isNull();
    problem(call(as("university"), HttpMethod.POST, base + "/broker-invitations", invitation(100)), 409, "conflict");

    // Invited is not joined: the broker finds the invitation, not the room.
    problem(as("broker").get().uri(base).exchange(), 404, "not-found");
    assertThat(values(Map.of("items", as("broker").get().uri("/api/broker-invitations?size=100").exchange()
        .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody()), "id")).contains(invitationId);
    var accepted = body(call(as("broker"), HttpMethod.POST, base + "/broker-invitations/" + invitationId + "/acceptance",
        null).expectStatus().isOk());
    assertThat(accepted.get("status")).isEqualTo("PENDING");
    problem(as("broker").get().uri(base).exchange(), 404, "not-found");

    var joined = body(call(as("university"), HttpMethod.POST, base + "/broker-invitations/" + invitationId + "/agreement",
        null).expectStatus().isOk());
    assertThat(joined.get("status")).isEqualTo("JOINED");
    var view = body(as("broker").get().uri(base).exchange().expectStatus().isOk());
    assertThat(view.get("yourSide")).isEqualTo("BROKER");
    assertThat(view.get("broker")).isEqualTo(Map.of("organisationId", agency.toString(), "subject", BROKER,
        "commissionBasisPoints", 150, "agreedBySeller", UNIVERSITY, "agreedByBuyer", ENTERPRISE));

    // The broker talks but does not bargain.
    assertThat(body(call(as("broker"), HttpMethod.POST, base + "/messages", Map.of("body", "双方价格差距不大，建议折中。"))
        .expectStatus().isCreated()).get("authorSide")).isEqualTo("BROKER");
    problem(call(as("broker"), HttpMethod.POST, base + "/offers", offer(1_000_000)), 403, "forbidden");
    problem(call(as("enterprise"), HttpMethod.POST, base + "/broker-invitations", invitation(100)), 409, "conflict");

    var offer = makeOffer("university", room, 50_000_000);
    call(as("enterprise"), HttpMethod.POST, base + "/offers/" + offer + "/acceptance", null).expectStatus().isOk().expectBody().returnResult();
    assertThat(drafting.draftedFor(room).getFirst().broker())
        .isEqualTo(new AcceptedOffer.BrokerTerms(agency, BROKER, 150));
  }

  @Test
  void invitations_name_a_real_broker_and_a_sane_commission() {
    var room = room();
    var uri = "/api/negotiations/" + room + "/broker-invitations";
    problem(call(as("enterprise"), HttpMethod.POST, uri, invitation(10_001)), 422, "validation-failed");
    problem(call(as("enterprise"), HttpMethod.POST, uri, Map.of("brokerOrganisationId", enterprise.toString(),
        "brokerSubject", ENTERPRISE, "commissionBasisPoints", 100)), 422, "validation-failed");
    problem(call(as("enterprise"), HttpMethod.POST, uri, Map.of("brokerOrganisationId", agency.toString(),
        "brokerSubject", UNIVERSITY2, "commissionBasisPoints", 100)), 422, "validation-failed");
    var declined = id(call(as("enterprise"), HttpMethod.POST, uri, invitation(100)).expectStatus().isCreated());
    assertThat(body(call(as("university"), HttpMethod.POST, uri + "/" + declined + "/declination", null)
        .expectStatus().isOk()).get("status")).isEqualTo("DECLINED");
    problem(call(as("broker"), HttpMethod.POST, uri + "/" + declined + "/acceptance", null), 409, "conflict");
    // A fresh invitation after the declined one.
    call(as("university"), HttpMethod.POST, uri, invitation(100)).expectStatus().isCreated().expectBody().returnResult();
  }

  @Test
  void a_broker_proposal_opens_a_room_when_both_holders_accept() {
    var proposal = body(call(as("broker"), HttpMethod.POST, "/api/broker-proposals", Map.of(
        "brokerOrganisationId", agency.toString(), "demandId", demand.toString(), "achievementId", achievement.toString(),
        "commissionBasisPoints", 200, "note", "需求与成果高度匹配")).expectStatus().isCreated());
    var uri = "/api/broker-proposals/" + proposal.get("id");
    assertThat(proposal.get("status")).isEqualTo("PROPOSED");
    problem(as("university2").get().uri(uri).exchange(), 404, "not-found");
    as("enterprise2").get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult();

    var half = body(call(as("enterprise"), HttpMethod.POST, uri + "/acceptance", null).expectStatus().isOk());
    assertThat(half.get("acceptedByDemandHolder")).isEqualTo(ENTERPRISE);
    assertThat(half.get("negotiationId")).isNull();
    var opened = body(call(as("university"), HttpMethod.POST, uri + "/acceptance", null).expectStatus().isOk());
    assertThat(opened.get("status")).isEqualTo("OPENED");
    var room = opened.get("negotiationId");

    var view = body(as("broker").get().uri("/api/negotiations/{id}", room).exchange().expectStatus().isOk());
    assertThat(view.get("sellerOrganisationId")).isEqualTo(institute.toString());
    assertThat(view.get("buyerOrganisationId")).isEqualTo(enterprise.toString());
    assertThat(view.get("proposalId")).isEqualTo(proposal.get("id"));
    assertThat(view.get("broker")).isEqualTo(Map.of("organisationId", agency.toString(), "subject", BROKER,
        "commissionBasisPoints", 200, "agreedBySeller", UNIVERSITY, "agreedByBuyer", ENTERPRISE));
    as("enterprise").get().uri("/api/negotiations/{id}", room).exchange().expectStatus().isOk().expectBody().returnResult();
    problem(call(as("enterprise"), HttpMethod.POST, uri + "/declination", null), 409, "conflict");
  }

  @Test
  void proposals_need_two_organisations_and_can_be_declined() {
    // An achievement of the demand's own holder cannot be matched with it.
    addMember(as("enterprise"), enterprise, UNIVERSITY, "EDITOR");
    var sameHolderAchievement = id(as("university").post().uri("/api/achievements")
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .bodyValue(ListingTestData.achievement(enterprise)).exchange().expectStatus().isCreated());
    as("university").post().uri("/api/achievements/{id}/submission", sameHolderAchievement).exchange().expectStatus().isOk().expectBody().returnResult();
    as("admin").post().uri("/api/achievements/{id}/publication", sameHolderAchievement).exchange().expectStatus().isOk().expectBody().returnResult();
    var sameHolder = Map.<String, Object>of("brokerOrganisationId", agency.toString(), "demandId", demand.toString(),
        "achievementId", sameHolderAchievement.toString(), "commissionBasisPoints", 200);
    problem(call(as("broker"), HttpMethod.POST, "/api/broker-proposals", sameHolder), 422, "validation-failed");
    problem(call(as("broker"), HttpMethod.POST, "/api/broker-proposals", Map.of("brokerOrganisationId",
        UUID.randomUUID().toString(), "demandId", demand.toString(), "achievementId", achievement.toString(),
        "commissionBasisPoints", 200)), 403, "forbidden");

    var proposal = id(call(as("broker"), HttpMethod.POST, "/api/broker-proposals", Map.of(
        "brokerOrganisationId", agency.toString(), "demandId", demand.toString(), "achievementId", achievement.toString(),
        "commissionBasisPoints", 200)).expectStatus().isCreated());
    var declined = body(call(as("university"), HttpMethod.POST, "/api/broker-proposals/" + proposal + "/declination",
        null).expectStatus().isOk());
    assertThat(declined.get("status")).isEqualTo("DECLINED");
    assertThat(declined.get("declinedBy")).isEqualTo(UNIVERSITY);
    problem(call(as("enterprise"), HttpMethod.POST, "/api/broker-proposals/" + proposal + "/acceptance", null), 409,
        "conflict");
  }
}
