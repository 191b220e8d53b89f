package org.pingliang.techmarket.marketplace.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.listing.ListingTestData;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Inquiry → messages → offer → counter-offer → acceptance, and the rules along the way. */
class NegotiationFlowTest extends NegotiationApiTest {

  @Test
  void an_inquiry_opens_one_room_and_a_second_inquiry_returns_it() {
    var first = body(call(as("enterprise"), HttpMethod.POST, "/api/negotiations",
        inquiry("ACHIEVEMENT", achievement, enterprise)).expectStatus().isCreated());
    assertThat(first.get("status")).isEqualTo("OPEN");
    assertThat(first.get("sellerOrganisationId")).isEqualTo(institute.toString());
    assertThat(first.get("buyerOrganisationId")).isEqualTo(enterprise.toString());
    assertThat(first.get("yourSide")).isEqualTo("BUYER");
    assertThat(((Map<?, ?>) first.get("listing")).get("title")).isEqualTo("马铃薯脱毒种薯快繁技术");

    var again = body(call(as("enterprise"), HttpMethod.POST, "/api/negotiations",
        inquiry("ACHIEVEMENT", achievement, enterprise)).expectStatus().isOk()
        .expectHeader().location("/api/negotiations/" + first.get("id")));
    assertThat(again.get("id")).isEqualTo(first.get("id"));
  }

  @Test
  void a_university_inquires_on_a_demand_and_sells() {
    var university = organisation("university2", "RESEARCH_INSTITUTE");
    var room = body(call(as("university2"), HttpMethod.POST, "/api/negotiations",
        inquiry("DEMAND", demand, university)).expectStatus().isCreated());
    assertThat(room.get("sellerOrganisationId")).isEqualTo(university.toString());
    assertThat(room.get("buyerOrganisationId")).isEqualTo(enterprise.toString());
    assertThat(room.get("holderOrganisationId")).isEqualTo(enterprise.toString());
    // The demand's holder sees the room too, as the buyer.
    var holderView = body(as("enterprise").get().uri("/api/negotiations/{id}", room.get("id")).exchange()
        .expectStatus().isOk());
    assertThat(holderView.get("yourSide")).isEqualTo("BUYER");
  }

  @Test
  void inquiries_that_break_the_rules_are_refused() {
    // Not on one's own organisation's listing.
    var ownOrganisation = organisation("enterprise", "ENTERPRISE");
    problem(call(as("enterprise"), HttpMethod.POST, "/api/negotiations", inquiry("DEMAND", demand, enterprise)),
        403, "forbidden");
    addMember(as("university"), institute, ENTERPRISE, "EDITOR");
    var own = body(call(as("enterprise"), HttpMethod.POST, "/api/negotiations",
        inquiry("ACHIEVEMENT", achievement, institute)).expectStatus().isEqualTo(422));
    assertThat(errorCodes(own)).containsExactly("organisationId:own-listing");
    // Only published listings.
    var draft = id(as("university").post().uri("/api/achievements").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ListingTestData.achievement(institute)).exchange().expectStatus().isCreated());
    var unpublished = body(call(as("enterprise"), HttpMethod.POST, "/api/negotiations",
        inquiry("ACHIEVEMENT", draft, ownOrganisation)).expectStatus().isEqualTo(422));
    assertThat(errorCodes(unpublished)).containsExactly("listingId:listing-not-available");
    var missing = body(call(as("enterprise"), HttpMethod.POST, "/api/negotiations",
        inquiry("ACHIEVEMENT", UUID.randomUUID(), ownOrganisation)).expectStatus().isEqualTo(422));
    assertThat(errorCodes(missing)).containsExactly("listingId:listing-not-available");
    // For an organisation the caller owns or edits for, not one they merely belong to.
    problem(call(as("enterprise2"), HttpMethod.POST, "/api/negotiations", inquiry("ACHIEVEMENT", achievement, enterprise)),
        403, "forbidden");
    // Enterprises inquire on achievements; a university on a demand.
    problem(call(as("university"), HttpMethod.POST, "/api/negotiations", inquiry("ACHIEVEMENT", achievement, institute)),
        403, "forbidden");
    problem(call(as("enterprise"), HttpMethod.POST, "/api/negotiations",
        Map.of("listingType", "ACHIEVEMENT", "listingId", achievement.toString())), 422, "validation-failed");
    problem(call(as("enterprise"), HttpMethod.POST, "/api/negotiations",
        Map.of("listingType", "PATENT", "listingId", achievement.toString(), "organisationId", enterprise.toString())),
        400, "malformed-request");
  }

  @Test
  void offers_counter_offers_and_an_acceptance_that_drafts_the_contract() {
    var room = room();
    var base = "/api/negotiations/" + room;
    var first = makeOffer("enterprise", room, 30_000_000);
    var counter = body(call(as("university"), HttpMethod.POST, base + "/offers", offer(36_000_000))
        .expectStatus().isCreated());
    var counterId = counter.get("id");
    assertThat(counter.get("madeBySide")).isEqualTo("SELLER");
    assertThat(body(as("enterprise").get().uri(base + "/offers/" + first).exchange().expectStatus().isOk())
        .get("status")).isEqualTo("SUPERSEDED");

    problem(call(as("university"), HttpMethod.POST, base + "/offers/" + counterId + "/acceptance", null), 409, "conflict");
    problem(call(as("enterprise"), HttpMethod.POST, base + "/offers/" + first + "/acceptance", null), 409, "conflict");

    var accepted = body(call(as("enterprise"), HttpMethod.POST, base + "/offers/" + counterId + "/acceptance", null)
        .expectStatus().isOk());
    assertThat(accepted.get("status")).isEqualTo("ACCEPTED");
    assertThat(accepted.get("decidedBy")).isEqualTo(ENTERPRISE);

    var agreed = body(as("university").get().uri(base).exchange().expectStatus().isOk());
    assertThat(agreed.get("status")).isEqualTo("AGREED");
    assertThat(agreed.get("acceptedOfferId")).isEqualTo(counterId);
    var calls = drafting.draftedFor(room);
    assertThat(calls).hasSize(1);
    var drafted = calls.getFirst();
    assertThat(agreed.get("contractId")).isNotNull();
    assertThat(drafted.offerId().toString()).isEqualTo(counterId);
    assertThat(drafted.sellerOrganisationId()).isEqualTo(institute);
    assertThat(drafted.buyerOrganisationId()).isEqualTo(enterprise);
    assertThat(drafted.total().amountFen()).isEqualTo(36_000_000);
    assertThat(drafted.milestones()).extracting(m -> m.amount().amountFen()).containsExactly(12_000_000L, 24_000_000L);
    assertThat(drafted.contractType()).isEqualTo("TECHNOLOGY_TRANSFER");
    assertThat(drafted.contractSubtype()).isEqualTo("PATENT_RIGHT");
    assertThat(drafted.listingType()).isEqualTo("ACHIEVEMENT");
    assertThat(drafted.projectName()).isEqualTo("马铃薯脱毒种薯快繁技术");
    assertThat(drafted.acceptedBy()).isEqualTo(ENTERPRISE);
    assertThat(drafted.broker()).isNull();

    // The room is agreed: nothing more to bargain or say, and the enterprise may inquire again.
    problem(call(as("university"), HttpMethod.POST, base + "/offers", offer(1_000_000)), 409, "conflict");
    problem(call(as("university"), HttpMethod.POST, base + "/messages", Map.of("body", "谢谢")), 409, "conflict");
    call(as("enterprise"), HttpMethod.POST, "/api/negotiations", inquiry("ACHIEVEMENT", achievement, enterprise))
        .expectStatus().isCreated().expectBody().returnResult();
  }

  @Test
  void declining_and_withdrawing() {
    var room = room();
    var base = "/api/negotiations/" + room;
    var offer = makeOffer("enterprise", room, 10_000_000);
    problem(call(as("enterprise"), HttpMethod.POST, base + "/offers/" + offer + "/declination", null), 409, "conflict");
    problem(call(as("university"), HttpMethod.POST, base + "/offers/" + offer + "/withdrawal", null), 409, "conflict");
    assertThat(body(call(as("university"), HttpMethod.POST, base + "/offers/" + offer + "/declination", null)
        .expectStatus().isOk()).get("status")).isEqualTo("DECLINED");
    problem(call(as("enterprise"), HttpMethod.POST, base + "/offers/" + offer + "/withdrawal", null), 409, "conflict");

    var second = makeOffer("enterprise", room, 12_000_000);
    assertThat(body(call(as("enterprise"), HttpMethod.POST, base + "/offers/" + second + "/withdrawal", null)
        .expectStatus().isOk()).get("status")).isEqualTo("WITHDRAWN");
    problem(call(as("university"), HttpMethod.POST, base + "/offers/" + second + "/acceptance", null), 409, "conflict");
    assertThat(body(as("university").get().uri(base).exchange().expectStatus().isOk()).get("openOffer")).isNull();
    var listed = body(as("university").get().uri(base + "/offers").exchange().expectStatus().isOk());
    assertThat(values(listed, "status"))
        .containsExactly("WITHDRAWN", "DECLINED");
    problem(call(as("university"), HttpMethod.POST, base + "/offers/" + UUID.randomUUID() + "/acceptance", null), 404,
        "not-found");
  }

  @Test
  void invalid_offers_name_every_broken_field() {
    var room = room();
    var uri = "/api/negotiations/" + room + "/offers";
    var wrongSum = offer(30_000_000);
    wrongSum.put("price", money(30_000_001));
    assertThat(errorCodes(body(call(as("enterprise"), HttpMethod.POST, uri, wrongSum).expectStatus().isEqualTo(422))))
        .containsExactly("milestones:milestone-sum");

    var broken = offer(30_000_000);
    broken.put("contractType", "TECHNICAL_CONSULTING");
    broken.put("termMonths", 0);
    broken.put("scope", " ");
    broken.put("expiresAt", "2020-01-01T00:00:00+08:00");
    assertThat(errorCodes(body(call(as("enterprise"), HttpMethod.POST, uri, broken).expectStatus().isEqualTo(422))))
        .containsExactlyInAnyOrder("contractSubtype:no-subtype", "scope:not-blank", "termMonths:term-months",
            "expiresAt:future");

    var badMilestone = offer(30_000_000);
    badMilestone.put("contractType", "TECHNOLOGY_DEVELOPMENT");
    badMilestone.put("contractSubtype", "PATENT_RIGHT");
    badMilestone.put("milestones", List.of(Map.of("sequence", 2, "title", "全款", "amount", money(0),
        "dueDate", "2030-01-01")));
    assertThat(errorCodes(body(call(as("enterprise"), HttpMethod.POST, uri, badMilestone).expectStatus().isEqualTo(422))))
        .containsExactlyInAnyOrder("contractSubtype:contract-subtype", "milestones[0].sequence:milestone-sequence",
            "milestones[0].amount.amountFen:positive");

    var fractional = offer(30_000_000);
    fractional.put("price", Map.of("amountFen", 12.5, "currency", "CNY"));
    problem(call(as("enterprise"), HttpMethod.POST, uri, fractional), 400, "malformed-request");
    // Nothing was written.
    assertThat((List<?>) body(as("enterprise").get().uri(uri).exchange().expectStatus().isOk()).get("items")).isEmpty();
  }

  @Test
  void an_idempotency_key_makes_a_replayed_offer_or_acceptance_change_nothing() {
    var room = room();
    var uri = "/api/negotiations/" + room + "/offers";
    var first = as("university").post().uri(uri).header("Idempotency-Key", "offer-" + room)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(offer(20_000_000)).exchange()
        .expectStatus().isCreated();
    var offerId = id(first);
    var replay = as("university").post().uri(uri).header("Idempotency-Key", "offer-" + room)
        .contentType(MediaType.APPLICATION_JSON).bodyValue(offer(20_000_000)).exchange().expectStatus().isOk();
    assertThat(id(replay)).isEqualTo(offerId);
    assertThat((List<?>) body(as("university").get().uri(uri).exchange()).get("items")).hasSize(1);

    var acceptance = uri + "/" + offerId + "/acceptance";
    for (var attempt = 0; attempt < 2; attempt++) {
      var accepted = body(as("enterprise").post().uri(acceptance).header("Idempotency-Key", "accept-" + room).exchange()
          .expectStatus().isOk());
      assertThat(accepted.get("status")).isEqualTo("ACCEPTED");
    }
    assertThat(drafting.draftedFor(room)).hasSize(1);
    // Without the key a second acceptance is what it is: the room is agreed.
    problem(as("enterprise").post().uri(acceptance).exchange(), 409, "conflict");
    // The same key for something else is a client error.
    problem(as("enterprise").post().uri(uri + "/" + UUID.randomUUID() + "/acceptance")
        .header("Idempotency-Key", "accept-" + room).exchange(), 422, "validation-failed");
  }

  @Test
  void messages_are_plain_text_kept_as_written() {
    var room = room();
    var uri = "/api/negotiations/" + room + "/messages";
    var markup = "<script>alert('x')</script> 价格可以再谈 & <b>尽快</b>";
    var posted = body(call(as("enterprise"), HttpMethod.POST, uri, Map.of("body", markup)).expectStatus().isCreated()
        .expectHeader().contentType(MediaType.APPLICATION_JSON));
    assertThat(posted.get("body")).isEqualTo(markup);
    assertThat(posted.get("authorSide")).isEqualTo("BUYER");
    call(as("university"), HttpMethod.POST, uri, Map.of("body", "欢迎来谈")).expectStatus().isCreated()
        .expectBody().returnResult();

    var page = body(as("enterprise").get().uri(uri + "?size=1").exchange().expectStatus().isOk());
    assertThat(values(page, "body")).containsExactly("欢迎来谈");
    var next = body(as("enterprise").get().uri(uri + "?size=1&cursor=" + page.get("nextCursor")).exchange()
        .expectStatus().isOk());
    assertThat(values(next, "body")).containsExactly(markup);

    assertThat(errorCodes(body(call(as("enterprise"), HttpMethod.POST, uri, Map.of("body", "长".repeat(4001)))
        .expectStatus().isEqualTo(422)))).containsExactly("body:size");
    assertThat(errorCodes(body(call(as("enterprise"), HttpMethod.POST, uri, Map.of("body", "  "))
        .expectStatus().isEqualTo(422)))).containsExactly("body:not-blank");
    call(as("enterprise"), HttpMethod.POST, uri, Map.of("body", "长".repeat(4000))).expectStatus().isCreated()
        .expectBody().returnResult();
  }

  @Test
  void my_negotiations_by_status_with_a_cursor() {
    var open = room();
    var agreedRoom = id(call(as("enterprise"), HttpMethod.POST, "/api/negotiations",
        inquiry("ACHIEVEMENT", publishedAchievement(), enterprise)).expectStatus().isCreated());
    var offer = makeOffer("university", agreedRoom, 5_000_000);
    call(as("enterprise"), HttpMethod.POST, "/api/negotiations/" + agreedRoom + "/offers/" + offer + "/acceptance", null)
        .expectStatus().isOk().expectBody().returnResult();

    var agreed = body(as("university").get().uri("/api/negotiations?status=AGREED&size=100").exchange()
        .expectStatus().isOk());
    assertThat(ids(agreed)).contains(agreedRoom.toString()).doesNotContain(open.toString());
    var firstPage = body(as("enterprise2").get().uri("/api/negotiations?size=1").exchange().expectStatus().isOk());
    assertThat(ids(firstPage)).containsExactly(agreedRoom.toString());
    var secondPage = body(as("enterprise2").get().uri("/api/negotiations?size=1&cursor=" + firstPage.get("nextCursor"))
        .exchange().expectStatus().isOk());
    assertThat(ids(secondPage)).containsExactly(open.toString());
    assertThat(ids(body(as("university2").get().uri("/api/negotiations?size=100").exchange().expectStatus().isOk())))
        .doesNotContain(open.toString(), agreedRoom.toString());
    problem(as("enterprise").get().uri("/api/negotiations?cursor=garbage").exchange(), 400, "malformed-request");
  }

  static List<String> ids(Map<?, ?> page) {
    return ((List<?>) page.get("items")).stream().map(item -> (String) ((Map<?, ?>) item).get("id")).toList();
  }

  static List<String> errorCodes(Map<?, ?> problem) {
    return ((List<?>) problem.get("errors")).stream()
        .map(e -> ((Map<?, ?>) e).get("field") + ":" + ((Map<?, ?>) e).get("code")).toList();
  }
}
