package org.pingliang.techmarket.marketplace.commissioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The electronic archive: a commissioner files a service, the served organisation confirms it (a
 * SERVICE engagement for credit), gives evaluation feedback; the yearly filing lists it; the
 * dispatching unit reads the evaluation result.
 */
class ArchiveTest extends CommissionerApiTest {

  /** university2 selected with the agri institute (which they own) as employer, through the API. */
  private String selectUniversity2() {
    free("university2");
    var id = body(call(as("university2"), HttpMethod.POST, "/api/commissioner-applications",
        application("RURAL", AGRI_INSTITUTE, null, List.of())), 201).get("id");
    call(as("university2"), HttpMethod.POST, "/api/commissioner-applications/" + id + "/employer-consent",
        Map.of("consent", true)).expectStatus().isOk();
    return (String) body(call(as("admin"), HttpMethod.POST, "/api/commissioner-applications/" + id + "/decision",
        Map.of("approved", true, "hrOpinion", "同意", "reason", "同意")), 200).get("commissionerId");
  }

  @Test
  void a_confirmed_service_is_archived_rated_filed_and_evaluated() {
    var commissioner = selectUniversity2();
    var year = LocalDate.now(Clock.system(ZoneId.of("Asia/Shanghai"))).getYear();
    // university2 is a real person selected again on every run (same roster row): clear what earlier
    // runs left for this year so feedback and grade can be given once more.
    for (var table : List.of("commissioner_evaluation_feedback", "commissioner_evaluations")) {
      database.sql("DELETE FROM " + table + " WHERE commissioner_id = :id AND year = :year")
          .bind("id", UUID.fromString(commissioner)).bind("year", year).fetch().rowsUpdated().block();
    }
    var record = Map.of("servedOrganisationId", APPLE_ENTERPRISE, "villageCode", "620826101201",
        "place", "静宁县城川镇红寺塬村果园", "content", "苹果腐烂病冬季防治培训", "outcome", "培训果农32人，示范园发病率下降",
        "servedOn", LocalDate.now(Clock.system(ZoneId.of("Asia/Shanghai"))).toString());
    refused(HttpMethod.POST, "/api/commissioner-service-records", record, Map.of("enterprise2", 403));
    var filed = body(call(as("university2"), HttpMethod.POST, "/api/commissioner-service-records", record), 201);
    assertThat(filed.get("status")).isEqualTo("FILED");
    var future = new java.util.HashMap<String, Object>(record);
    future.put("servedOn", LocalDate.now().plusDays(5).toString());
    problem(call(as("university2"), HttpMethod.POST, "/api/commissioner-service-records", future),
        HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed");

    var recordId = (String) filed.get("id");
    var confirm = "/api/commissioner-service-records/" + recordId + "/confirmation";
    var yes = Map.of("confirmed", true, "note", "属实");
    refused(HttpMethod.POST, confirm, yes, Map.of("university2", 403, "enterprise2", 404, "admin", 403));
    assertThat(list(as("enterprise").get().uri("/api/commissioner-service-records").exchange()))
        .anyMatch(r -> recordId.equals(r.get("id")));
    assertThat(list(as("enterprise2").get().uri("/api/commissioner-service-records").exchange()))
        .noneMatch(r -> recordId.equals(r.get("id")));
    refused(HttpMethod.GET, "/api/commissioner-service-records", null, Map.of());
    var confirmed = body(call(as("enterprise"), HttpMethod.POST, confirm, yes), 200);
    assertThat(confirmed.get("status")).isEqualTo("CONFIRMED");
    assertThat(confirmed.get("confirmedBy")).isEqualTo("enterprise");
    problem(call(as("enterprise"), HttpMethod.POST, confirm, yes), HttpStatus.CONFLICT, "conflict");
    var engagementParties = database.sql("""
            SELECT count(*) AS n FROM credit_engagements e JOIN credit_engagement_parties p ON p.engagement_id = e.id
            WHERE e.kind = 'SERVICE' AND e.reference_id = :id""")
        .bind("id", UUID.fromString(recordId)).map(row -> row.get("n", Long.class)).one().block();
    assertThat(engagementParties).isEqualTo(2);

    // Feedback from the served organisation only, once, and only with a confirmed service that year.
    var feedback = Map.of("commissionerId", commissioner, "organisationId", APPLE_ENTERPRISE, "year", year,
        "rating", "SATISFIED", "comment", "服务及时");
    refused(HttpMethod.POST, "/api/commissioner-evaluation-feedback", feedback, Map.of("enterprise2", 403, "university2", 403));
    call(as("enterprise"), HttpMethod.POST, "/api/commissioner-evaluation-feedback", feedback).expectStatus().isNoContent();
    problem(call(as("enterprise"), HttpMethod.POST, "/api/commissioner-evaluation-feedback", feedback), HttpStatus.CONFLICT, "conflict");
    problem(call(as("enterprise2"), HttpMethod.POST, "/api/commissioner-evaluation-feedback",
        Map.of("commissionerId", commissioner, "organisationId", POTATO_ENTERPRISE, "year", year, "rating", "DISSATISFIED")),
        HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed");

    // The yearly filing (JSON and CSV) for the province.
    var filingUri = "/api/commissioner-filings/" + year;
    refused(HttpMethod.GET, filingUri, null, Map.of("enterprise", 403, "university2", 403));
    refused(HttpMethod.GET, filingUri + "/summary.csv", null, Map.of("enterprise", 403));
    var filing = body(call(as("admin"), HttpMethod.GET, filingUri, null), 200);
    @SuppressWarnings("unchecked") var entries = (List<Map<String, Object>>) filing.get("entries");
    var me = body(call(as("university2"), HttpMethod.GET, "/api/commissioners/me", null), 200);
    assertThat(entries).anyMatch(e -> me.get("certificateNumber").equals(e.get("certificateNumber"))
        && ((Number) e.get("servicesConfirmed")).intValue() >= 1);
    var csv = as("admin").get().uri(filingUri + "/summary.csv").exchange().expectStatus().isOk()
        .expectBody(byte[].class).returnResult().getResponseBody();
    assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    var text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\"聘书编号\",\"姓名\",\"类型\"").contains("\"" + me.get("certificateNumber") + "\"", "\"在派\"");

    // The bureau grades with the feedback in view; the dispatching unit reads the result.
    var overview = body(call(as("admin"), HttpMethod.GET, "/api/commissioner-evaluations?regionCode=620825&year=" + year, null), 200);
    @SuppressWarnings("unchecked") var items = (List<Map<String, Object>>) overview.get("items");
    assertThat(items).anyMatch(i -> commissioner.equals(i.get("commissionerId")) && !((List<?>) i.get("feedback")).isEmpty());
    var grading = Map.of("commissionerId", commissioner, "year", year, "grade", "COMPETENT", "comment", "完成年度服务");
    refused(HttpMethod.POST, "/api/commissioner-evaluations", grading, Map.of("enterprise", 403, "university2", 403));
    refused(HttpMethod.GET, "/api/commissioner-evaluations?regionCode=620825", null, Map.of("enterprise", 403));
    assertThat(body(call(as("admin"), HttpMethod.POST, "/api/commissioner-evaluations", grading), 200).get("grade"))
        .isEqualTo("COMPETENT");
    var results = "/api/commissioner-evaluation-results?employerId=" + AGRI_INSTITUTE + "&year=" + year;
    refused(HttpMethod.GET, results, null, Map.of("enterprise2", 403, "enterprise", 403));
    assertThat(list(as("university2").get().uri(results).exchange()))
        .anyMatch(r -> commissioner.equals(r.get("commissionerId")) && "COMPETENT".equals(r.get("grade")));

    call(as("university2"), HttpMethod.POST, "/api/commissioners/" + commissioner + "/resignation", null).expectStatus().isOk();
    // Once exited, no more services can be filed.
    problem(call(as("university2"), HttpMethod.POST, "/api/commissioner-service-records", record), HttpStatus.FORBIDDEN, "forbidden");
  }
}
