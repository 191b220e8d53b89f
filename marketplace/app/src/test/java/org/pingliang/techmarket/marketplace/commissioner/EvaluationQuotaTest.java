package org.pingliang.techmarket.marketplace.commissioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.credit.TradingBans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The 优秀 quota at its edges in the real database: exactly at the cap is accepted, one over is
 * refused; 不称职 exits (never a ban) without shrinking the base. Uses 灵台县 (620822), which no
 * other test selects anyone into, and clears the invented people of earlier runs first.
 */
class EvaluationQuotaTest extends CommissionerApiTest {

  private static final String REGION = "620822";
  private static final int YEAR = 2031;

  @Autowired TradingBans bans;

  private void clearEarlierRuns() {
    for (var sql : new String[] {
        "DELETE FROM commissioner_evaluations WHERE commissioner_id IN (SELECT id FROM commissioners WHERE person_subject LIKE 'quota-test-%')",
        "DELETE FROM commissioners WHERE person_subject LIKE 'quota-test-%'",
        "DELETE FROM commissioner_applications WHERE applicant_subject LIKE 'quota-test-%'"}) {
      database.sql(sql).fetch().rowsUpdated().block();
    }
  }

  private Map<String, Object> overview() {
    return body(call(as("admin"), HttpMethod.GET, "/api/commissioner-evaluations?regionCode=" + REGION + "&year=" + YEAR, null), 200);
  }

  private Map<String, Object> grade(UUID commissioner, String grade) {
    return Map.of("commissionerId", commissioner, "year", YEAR, "grade", grade);
  }

  @Test
  void exactly_at_the_cap_is_accepted_and_one_over_is_refused() {
    clearEarlierRuns();
    var people = new ArrayList<UUID>();
    for (var i = 0; i < 10; i++) {
      people.add(invented("quota-test-", REGION, COLLEGE));
    }
    var before = overview();
    var base = ((Number) before.get("base")).intValue();
    var cap = ((Number) before.get("excellentCap")).intValue();
    assertThat(base).isGreaterThanOrEqualTo(10);
    assertThat(before.get("quotaPercent")).isEqualTo(30);
    assertThat(cap).isEqualTo(Math.max(1, base * 30 / 100));
    assertThat(before.get("excellentGiven")).isEqualTo(0);

    for (var i = 0; i < cap; i++) {
      assertThat(body(call(as("admin"), HttpMethod.POST, "/api/commissioner-evaluations", grade(people.get(i), "EXCELLENT")), 200)
          .get("grade")).isEqualTo("EXCELLENT");
    }
    var over = people.get(cap);
    problem(call(as("admin"), HttpMethod.POST, "/api/commissioner-evaluations", grade(over, "EXCELLENT")),
        HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed");
    // The refused one can still be graded otherwise; a second grade for the year is refused.
    body(call(as("admin"), HttpMethod.POST, "/api/commissioner-evaluations", grade(over, "COMPETENT")), 200);
    problem(call(as("admin"), HttpMethod.POST, "/api/commissioner-evaluations", grade(over, "EXCELLENT")),
        HttpStatus.CONFLICT, "conflict");

    // 不称职 exits the commissioner: an honest failure, not a ban, and the base stays.
    var failing = people.get(cap + 1);
    assertThat(body(call(as("admin"), HttpMethod.POST, "/api/commissioner-evaluations", grade(failing, "INCOMPETENT")), 200)
        .get("standing")).isEqualTo("EXITED");
    assertThat(bans.isPersonBanned(subjectOf(failing)).block()).isFalse();
    var after = overview();
    assertThat(after.get("base")).isEqualTo(base);
    assertThat(after.get("excellentGiven")).isEqualTo(cap);
    assertThat(list(http.get().uri("/api/commissioners?regionCode=" + REGION).exchange()))
        .noneMatch(c -> failing.toString().equals(c.get("id")));
    // Exited people are not graded again in another year.
    problem(call(as("admin"), HttpMethod.POST, "/api/commissioner-evaluations",
        Map.of("commissionerId", failing, "year", YEAR + 1, "grade", "COMPETENT")), HttpStatus.CONFLICT, "conflict");
  }

  @Test
  void a_region_with_nobody_has_no_excellent_place() {
    // 平凉市 itself (620800) as managing region: whatever is there, the cap follows the rule.
    var overview = body(call(as("admin"), HttpMethod.GET, "/api/commissioner-evaluations?regionCode=620800&year=2001", null), 200);
    var base = ((Number) overview.get("base")).intValue();
    assertThat(overview.get("excellentCap")).isEqualTo(base == 0 ? 0 : Math.max(1, base * 30 / 100));
    problem(call(as("admin"), HttpMethod.GET, "/api/commissioner-evaluations?regionCode=110000", null),
        HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed");
    problem(call(as("admin"), HttpMethod.GET, "/api/commissioner-evaluations?regionCode=620822&year=1999", null),
        HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed");
  }
}
