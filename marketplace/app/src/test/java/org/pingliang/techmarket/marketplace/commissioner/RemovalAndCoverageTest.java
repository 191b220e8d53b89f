package org.pingliang.techmarket.marketplace.commissioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.credit.TradingBans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Teams of at least 3, demonstration bases, coverage and statistics; removal for misconduct bans and hides. */
class RemovalAndCoverageTest extends CommissionerApiTest {

  private static final String REGION = "620881";

  @Autowired TradingBans bans;
  @Autowired CommissionerRoster roster;

  @Test
  void removal_for_misconduct_bans_and_hides_the_person_everywhere() {
    var a = invented("removal-test-", REGION, COLLEGE);
    var b = invented("removal-test-", REGION, COLLEGE);
    var c = invented("removal-test-", REGION, COLLEGE);

    var team = Map.of("name", "华亭煤化工科技特派员团队", "regionCode", REGION, "focus", "煤化工新材料",
        "leaderId", a, "memberIds", List.of(b));
    problem(call(as("admin"), HttpMethod.POST, "/api/commissioner-teams", team), HttpStatus.UNPROCESSABLE_CONTENT,
        "validation-failed");
    var full = Map.of("name", "华亭煤化工科技特派员团队", "regionCode", REGION, "focus", "煤化工新材料",
        "leaderId", a, "memberIds", List.of(a, b, c));
    refused(HttpMethod.POST, "/api/commissioner-teams", full, Map.of("enterprise", 403, "commissioner", 403));
    var created = body(call(as("admin"), HttpMethod.POST, "/api/commissioner-teams", full), 201);
    assertThat((List<?>) created.get("members")).hasSize(3);
    var base = Map.of("name", "华亭安口科技示范基地", "regionCode", REGION, "villageCode", VILLAGE_HUATING,
        "teamId", created.get("id"), "establishedOn", "2026-05-01");
    refused(HttpMethod.POST, "/api/commissioner-demonstration-bases", base, Map.of("enterprise", 403));
    body(call(as("admin"), HttpMethod.POST, "/api/commissioner-demonstration-bases", base), 201);
    assertThat(list(http.get().uri("/api/commissioner-demonstration-bases").exchange()))
        .anyMatch(x -> created.get("id").equals(x.get("teamId")));

    var villages = "/api/commissioners/" + a + "/villages";
    refused(HttpMethod.PUT, villages, Map.of("villageCodes", List.of(VILLAGE_HUATING)), Map.of("enterprise", 403));
    problem(call(as("admin"), HttpMethod.PUT, villages, Map.of("villageCodes", List.of("620881999999"))),
        HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed");
    body(call(as("admin"), HttpMethod.PUT, villages, Map.of("villageCodes", List.of(VILLAGE_HUATING))), 200);
    body(call(as("admin"), HttpMethod.PUT, "/api/commissioners/" + b + "/villages",
        Map.of("villageCodes", List.of("620881101202"))), 200);

    var stats = body(call(http, HttpMethod.GET, "/api/commissioner-statistics", null), 200);
    assertThat(((Number) stats.get("teams")).intValue()).isGreaterThanOrEqualTo(1);
    assertThat(((Number) stats.get("active")).intValue()).isGreaterThanOrEqualTo(3);
    @SuppressWarnings("unchecked") var total = (Map<String, Object>) stats.get("totalTarget");
    assertThat(total.get("target")).isEqualTo(1200);
    @SuppressWarnings("unchecked") var poor = (Map<String, Object>) stats.get("poorVillageTarget");
    assertThat(((Number) poor.get("target")).intValue()).isGreaterThanOrEqualTo(1);
    @SuppressWarnings("unchecked") var counties = (List<Map<String, Object>>) stats.get("counties");
    assertThat(counties).anyMatch(x -> REGION.equals(x.get("regionCode")) && ((Number) x.get("villagesCovered")).intValue() >= 1);
    var huating = list(http.get().uri("/api/villages?countyCode=" + REGION).exchange());
    assertThat(huating).anyMatch(v -> VILLAGE_HUATING.equals(v.get("code")) && ((Number) v.get("activeCommissioners")).intValue() >= 1);

    // Removal: REMOVED, banned, and gone from the public list, the notice, the team and the roster.
    var removal = "/api/commissioners/" + a + "/removal";
    var reason = Map.of("reason", "伪造服务记录，骗取补助");
    refused(HttpMethod.POST, removal, reason, Map.of("enterprise", 403, "commissioner", 403));
    problem(call(as("admin"), HttpMethod.POST, removal, Map.of("reason", "")), HttpStatus.UNPROCESSABLE_CONTENT,
        "validation-failed");
    var removed = body(call(as("admin"), HttpMethod.POST, removal, reason), 200);
    assertThat(removed.get("standing")).isEqualTo("REMOVED");
    assertThat(removed.get("removalReason")).isEqualTo("伪造服务记录，骗取补助");
    var subject = subjectOf(a);
    assertThat(bans.isPersonBanned(subject).block()).isTrue();
    assertThat(roster.standing(subject).block()).isEqualTo(CommissionerRoster.Standing.REMOVED);
    assertThat(roster.card(subject).block()).isEmpty();
    assertThat(list(http.get().uri("/api/commissioners?regionCode=" + REGION).exchange()))
        .noneMatch(x -> a.toString().equals(x.get("id"))).anyMatch(x -> b.toString().equals(x.get("id")));
    assertThat(list(http.get().uri("/api/commissioner-notice").exchange())).noneMatch(x -> a.toString().equals(x.get("id")));
    assertThat(list(http.get().uri("/api/commissioner-teams").exchange()))
        .filteredOn(t -> created.get("id").equals(t.get("id"))).singleElement()
        .satisfies(t -> assertThat((List<?>) t.get("members")).hasSize(2));
    problem(call(as("admin"), HttpMethod.POST, removal, reason), HttpStatus.CONFLICT, "conflict");

    // A person banned by the credit feature is not active either, though their standing was SELECTED.
    bans.ban(null, subjectOf(c), "合同欺诈", "admin").block();
    assertThat(roster.standing(subjectOf(c)).block().active()).isFalse();
    assertThat(roster.card(subjectOf(c)).block()).isEmpty();
  }

  @Test
  void the_bureaus_records_are_not_for_others() {
    var someone = invented("removal-test-", REGION, COLLEGE);
    refused(HttpMethod.GET, "/api/commissioners/" + someone, null, Map.of("enterprise2", 404, "broker", 404));
    body(call(as("university"), HttpMethod.GET, "/api/commissioners/" + someone, null), 200);
    body(call(as("admin"), HttpMethod.GET, "/api/commissioners/" + someone, null), 200);
    refused(HttpMethod.GET, "/api/commissioner-evaluation-results?employerId=" + COLLEGE, null, Map.of("enterprise", 403));
    problem(call(as("admin"), HttpMethod.POST, "/api/commissioners/" + UUID.randomUUID() + "/removal",
        Map.of("reason", "x")), HttpStatus.NOT_FOUND, "not-found");
    problem(call(http, HttpMethod.GET, "/api/commissioner-statistics?year=1999", null), HttpStatus.UNPROCESSABLE_CONTENT,
        "validation-failed");
  }
}
