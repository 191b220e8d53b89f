package org.pingliang.techmarket.marketplace.commissioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.listing.ListingTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Apply → employer consents (→ enterprise consents) → the bureau decides with HR → notice, 聘书, agreement. */
class SelectionTest extends CommissionerApiTest {

  @Autowired CommissionerRoster roster;

  /** A fresh verified organisation owned by university with university2 as a plain MEMBER. */
  private UUID employerWithUniversity2() {
    var id = ListingTestData.organisation(as("university"), as("admin"), "UNIVERSITY", true);
    as("university").post().uri("/api/organisations/{id}/members", id).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("subject", UNIVERSITY2, "role", "MEMBER")).exchange().expectStatus().isCreated();
    return id;
  }

  @Test
  void a_rural_commissioner_is_selected_published_and_gets_a_letter() throws IOException {
    free("university2");
    var employer = employerWithUniversity2();
    var form = application("RURAL", employer, null, List.of(POOR_VILLAGE_ZHUANGLANG));

    problem(call(http, HttpMethod.POST, "/api/commissioner-applications", form), HttpStatus.UNAUTHORIZED, "unauthorized");
    problem(call(as("admin"), HttpMethod.POST, "/api/commissioner-applications", form), HttpStatus.FORBIDDEN, "forbidden");
    // Only a member of the employer may name it.
    var foreign = application("RURAL", COLLEGE, null, List.of());
    problem(call(as("university2"), HttpMethod.POST, "/api/commissioner-applications", foreign),
        HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed");

    var applied = body(call(as("university2"), HttpMethod.POST, "/api/commissioner-applications", form), 201);
    var id = applied.get("id");
    assertThat(applied.get("status")).isEqualTo("AWAITING_CONSENT");
    assertThat(roster.standing(UNIVERSITY2).block()).isEqualTo(CommissionerRoster.Standing.APPLIED);
    problem(call(as("university2"), HttpMethod.POST, "/api/commissioner-applications", form), HttpStatus.CONFLICT, "conflict");

    var uri = "/api/commissioner-applications/" + id;
    problem(call(as("enterprise2"), HttpMethod.GET, uri, null), HttpStatus.NOT_FOUND, "not-found");
    body(call(as("university"), HttpMethod.GET, uri, null), 200);
    // No decision before the employer consents.
    var decision = Map.of("approved", true, "hrOpinion", "市人社局：同意选派", "reason", "符合选派条件");
    problem(call(as("admin"), HttpMethod.POST, uri + "/decision", decision), HttpStatus.CONFLICT, "conflict");

    var consent = Map.of("consent", true, "note", "同意派出");
    refused(HttpMethod.POST, uri + "/employer-consent", consent,
        Map.of("university2", 403, "enterprise2", 404, "admin", 403));
    refused(HttpMethod.POST, uri + "/enterprise-consent", consent, Map.of("enterprise2", 404));
    assertThat(list(as("university").get().uri("/api/commissioner-applications/consent-requests").exchange()))
        .anyMatch(a -> id.equals(a.get("id")));
    assertThat(list(as("enterprise").get().uri("/api/commissioner-applications/consent-requests").exchange()))
        .noneMatch(a -> id.equals(a.get("id")));
    var consented = body(call(as("university"), HttpMethod.POST, uri + "/employer-consent", consent), 200);
    assertThat(consented.get("status")).isEqualTo("IN_REVIEW");
    problem(call(as("university"), HttpMethod.POST, uri + "/employer-consent", consent), HttpStatus.CONFLICT, "conflict");

    assertThat(list(as("admin").get().uri("/api/commissioner-applications").exchange())).anyMatch(a -> id.equals(a.get("id")));
    refused(HttpMethod.GET, "/api/commissioner-applications", null, Map.of("enterprise", 403, "university", 403));
    refused(HttpMethod.POST, uri + "/decision", decision, Map.of("university", 403, "university2", 403));
    problem(call(as("admin"), HttpMethod.POST, uri + "/decision", Map.of("approved", true, "reason", "x")),
        HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed");
    var decided = body(call(as("admin"), HttpMethod.POST, uri + "/decision", decision), 200);
    assertThat(decided.get("status")).isEqualTo("APPROVED");
    @SuppressWarnings("unchecked") var recorded = (Map<String, Object>) decided.get("decision");
    assertThat(recorded).containsEntry("decidedBy", "admin").containsEntry("hrOpinion", "市人社局：同意选派")
        .containsEntry("reason", "符合选派条件").containsKey("decidedAt");
    var commissionerId = (String) decided.get("commissionerId");
    assertThat(commissionerId).isNotNull();

    // The public notice and roster, anonymously.
    assertThat(list(http.get().uri("/api/commissioner-notice").exchange())).anyMatch(c -> commissionerId.equals(c.get("id")));
    assertThat(list(http.get().uri("/api/commissioners?type=RURAL").exchange())).anyMatch(c -> commissionerId.equals(c.get("id")));
    assertThat(roster.standing(UNIVERSITY2).block()).isEqualTo(CommissionerRoster.Standing.SELECTED);
    assertThat(roster.card(UNIVERSITY2).block()).hasValueSatisfying(card -> {
      assertThat(card.type()).isEqualTo("RURAL");
      assertThat(card.threeRegionsTalent()).isTrue();
    });
    var me = body(call(as("university2"), HttpMethod.GET, "/api/commissioners/me", null), 200);
    assertThat(me.get("id")).isEqualTo(commissionerId);
    assertThat((String) me.get("certificateNumber")).startsWith("平科特聘〔");
    assertThat(me.get("villageCodes")).isEqualTo(List.of(POOR_VILLAGE_ZHUANGLANG));
    var villages = list(http.get().uri("/api/villages?countyCode=620825").exchange());
    assertThat(villages).anyMatch(v -> POOR_VILLAGE_ZHUANGLANG.equals(v.get("code"))
        && ((Number) v.get("activeCommissioners")).intValue() >= 1);

    // The appointment letter (聘书).
    var letter = "/api/commissioners/" + commissionerId + "/appointment-letter.pdf";
    refused(HttpMethod.GET, letter, null, Map.of("enterprise2", 404, "broker", 404));
    var pdf = as("university").get().uri(letter).exchange().expectStatus().isOk()
        .expectHeader().contentType(MediaType.APPLICATION_PDF).expectBody(byte[].class).returnResult().getResponseBody();
    try (var document = Loader.loadPDF(pdf)) {
      var text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
      assertThat(text).contains("聘书", "测试申请人", "庄浪县农村科技特派员", "苹果矮化密植", "庄浪县科学技术局",
          ((String) me.get("certificateNumber")).replaceAll("\\s+", ""));
    }
    as("admin").get().uri(letter).exchange().expectStatus().isOk();

    // The three-party agreement.
    var agreement = Map.of("servedUnitName", "庄浪县南湖镇梯田沟村民委员会", "signedOn", "2026-03-01",
        "validFrom", "2026-03-01", "validUntil", "2028-02-28", "duties", "每月驻村服务不少于5天");
    var agreements = "/api/commissioners/" + commissionerId + "/agreements";
    refused(HttpMethod.POST, agreements, agreement, Map.of("university2", 403, "university", 403));
    var withAgreement = body(call(as("admin"), HttpMethod.POST, agreements, agreement), 200);
    @SuppressWarnings("unchecked") var first = ((List<Map<String, Object>>) withAgreement.get("agreements")).getLast();
    assertThat(first).containsEntry("managingUnit", "庄浪县科学技术局").containsEntry("servedUnitName", "庄浪县南湖镇梯田沟村民委员会");
    @SuppressWarnings("unchecked") var dispatching = (Map<String, Object>) first.get("dispatchingUnit");
    assertThat(dispatching.get("id")).isEqualTo(employer.toString());
    problem(call(as("admin"), HttpMethod.POST, agreements, Map.of("servedUnitName", "x", "signedOn", "2026-03-01",
        "validFrom", "2026-03-01", "validUntil", "2025-02-28", "duties", "x")), HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed");

    // An honest exit: off the notice, never a ban.
    refused(HttpMethod.POST, "/api/commissioners/" + commissionerId + "/resignation", null, Map.of("university", 404));
    var exited = body(call(as("university2"), HttpMethod.POST, "/api/commissioners/" + commissionerId + "/resignation", null), 200);
    assertThat(exited.get("standing")).isEqualTo("EXITED");
    assertThat(roster.card(UNIVERSITY2).block()).isEmpty();
    assertThat(list(http.get().uri("/api/commissioner-notice").exchange())).noneMatch(c -> commissionerId.equals(c.get("id")));
  }

  @Test
  void an_enterprise_commissioner_needs_the_enterprise_too_and_a_rejection_is_recorded() {
    free("broker");
    var form = application("ENTERPRISE", BROKER_AGENCY, APPLE_ENTERPRISE, List.of());
    var withoutEnterprise = application("ENTERPRISE", BROKER_AGENCY, null, List.of());
    problem(call(as("broker"), HttpMethod.POST, "/api/commissioner-applications", withoutEnterprise),
        HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed");
    var id = body(call(as("broker"), HttpMethod.POST, "/api/commissioner-applications", form), 201).get("id");
    var uri = "/api/commissioner-applications/" + id;
    var yes = Map.of("consent", true);
    assertThat(body(call(as("broker"), HttpMethod.POST, uri + "/employer-consent", yes), 200).get("status"))
        .isEqualTo("AWAITING_CONSENT");
    assertThat(list(as("enterprise").get().uri("/api/commissioner-applications/consent-requests").exchange()))
        .anyMatch(a -> id.equals(a.get("id")));
    refused(HttpMethod.POST, uri + "/enterprise-consent", yes, Map.of("enterprise2", 404, "broker", 403));
    assertThat(body(call(as("enterprise"), HttpMethod.POST, uri + "/enterprise-consent", yes), 200).get("status"))
        .isEqualTo("IN_REVIEW");
    var rejected = body(call(as("admin"), HttpMethod.POST, uri + "/decision",
        Map.of("approved", false, "hrOpinion", "人社局：材料不全", "reason", "服务方案不具体")), 200);
    assertThat(rejected.get("status")).isEqualTo("REJECTED");
    assertThat(rejected.get("commissionerId")).isNull();
    assertThat(roster.standing(BROKER).block()).isIn(CommissionerRoster.Standing.NONE, CommissionerRoster.Standing.EXITED);

    // A refused consent ends the application; the person may apply again afterwards.
    var again = body(call(as("broker"), HttpMethod.POST, "/api/commissioner-applications", form), 201).get("id");
    var refusedConsent = body(call(as("enterprise"), HttpMethod.POST, "/api/commissioner-applications/" + again
        + "/enterprise-consent", Map.of("consent", false, "note", "暂不需要")), 200);
    assertThat(refusedConsent.get("status")).isEqualTo("CONSENT_REFUSED");
    problem(call(as("broker"), HttpMethod.POST, "/api/commissioner-applications/" + again + "/employer-consent", yes),
        HttpStatus.CONFLICT, "conflict");
  }

  @Test
  void only_the_applicant_withdraws_and_reading_needs_a_token() {
    free("broker");
    var id = body(call(as("broker"), HttpMethod.POST, "/api/commissioner-applications",
        application("COMMUNITY", BROKER_AGENCY, null, List.of())), 201).get("id");
    var uri = "/api/commissioner-applications/" + id;
    refused(HttpMethod.POST, uri + "/withdrawal", null, Map.of("enterprise", 404, "admin", 404));
    refused(HttpMethod.GET, uri, null, Map.of("enterprise", 404));
    refused(HttpMethod.GET, "/api/commissioner-applications/mine", null, Map.of());
    refused(HttpMethod.GET, "/api/commissioners/me", null, Map.of("enterprise2", 404));
    assertThat(body(call(as("broker"), HttpMethod.POST, uri + "/withdrawal", null), 200).get("status")).isEqualTo("WITHDRAWN");
    problem(call(as("broker"), HttpMethod.POST, uri + "/withdrawal", null), HttpStatus.CONFLICT, "conflict");
    assertThat(roster.standing("nobody-" + UUID.randomUUID()).block()).isEqualTo(CommissionerRoster.Standing.NONE);
  }
}
