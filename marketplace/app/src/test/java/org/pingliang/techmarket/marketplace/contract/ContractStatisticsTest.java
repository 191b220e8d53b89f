package org.pingliang.techmarket.marketplace.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Statistics count registered contracts only. The test database keeps contracts of earlier runs, so
 * every assertion is on the difference this test's contracts make — read before and after, publicly
 * and through the cache, which a registration must clear.
 */
class ContractStatisticsTest extends ContractApiTest {

  private static final String YEAR = Integer.toString(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
  private static final String MONTH = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().substring(0, 7);

  @Test
  void sums_by_month_county_type_field_and_party_type_grow_by_exactly_what_was_registered() {
    var before = report("SELLER");
    var beforeBuyer = report("BUYER");
    var beforeTarget = target();

    registerBetween("university", ContractTestData.COLLEGE, 1_000_000, 100_000, "AGRICULTURE");
    registerBetween("university", ContractTestData.COLLEGE, 2_500_000, 0, "NEW_ENERGY");
    registerBetween("university2", ContractTestData.AGRI_INSTITUTE, 700_000, 0, "AGRICULTURE");
    rejected();

    var after = report("SELLER");
    assertDelta(before, after, "total", null, 3, 4_200_000, 4_100_000);
    assertDelta(before, after, "byMonth", MONTH, 3, 4_200_000, 4_100_000);
    assertDelta(before, after, "byRegion", "620802", 2, 3_500_000, 3_400_000);
    assertDelta(before, after, "byRegion", "620800", 1, 700_000, 700_000);
    assertDelta(before, after, "byContractType", "TECHNOLOGY_TRANSFER", 3, 4_200_000, 4_100_000);
    assertDelta(before, after, "byTechnologyField", "AGRICULTURE", 2, 1_700_000, 1_600_000);
    assertDelta(before, after, "byTechnologyField", "NEW_ENERGY", 1, 2_500_000, 2_500_000);
    assertDelta(before, after, "byPartyType", "PUBLIC_INSTITUTION:HIGHER_EDUCATION", 2, 3_500_000, 3_400_000);
    assertDelta(before, after, "byPartyType", "PUBLIC_INSTITUTION:RESEARCH_INSTITUTION", 1, 700_000, 700_000);
    assertThat(bucket(after, "byRegion", "620802").get("label")).isEqualTo("崆峒区");

    var afterBuyer = report("BUYER");
    assertDelta(beforeBuyer, afterBuyer, "byRegion", "620826", 3, 4_200_000, 4_100_000);
    assertDelta(beforeBuyer, afterBuyer, "byPartyType", "ENTERPRISE", 3, 4_200_000, 4_100_000);

    var afterTarget = target();
    assertThat(amount(afterTarget, "target")).isEqualTo(150_000_000_000L);
    assertThat(amount(afterTarget, "achieved") - amount(beforeTarget, "achieved")).isEqualTo(4_200_000);
    assertThat(((Number) afterTarget.get("contractCount")).longValue()
        - ((Number) beforeTarget.get("contractCount")).longValue()).isEqualTo(3);
    var achieved = amount(afterTarget, "achieved");
    assertThat(((Number) afterTarget.get("progressBasisPoints")).longValue()).isEqualTo(achieved * 10_000 / 150_000_000_000L);
    assertThat(amount(afterTarget, "remaining")).isEqualTo(Math.max(0, 150_000_000_000L - achieved));
  }

  @Test
  void statistics_are_public_and_validate_the_year() {
    http.get().uri("/api/contract-statistics?year=2001").exchange().expectStatus().isOk()
        .expectBody()
        .jsonPath("$.total.count").isEqualTo(0)
        .jsonPath("$.total.totalAmount.amountFen").isEqualTo(0)
        .jsonPath("$.byMonth").isEmpty();
    http.get().uri("/api/contract-statistics/target?year=2001").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.progressPercent").isEqualTo("0.00")
        .jsonPath("$.remaining.amountFen").isEqualTo(150_000_000_000L);
    http.get().uri("/api/contract-statistics?year=1999").exchange().expectStatus().isEqualTo(422);
    http.get().uri("/api/contract-statistics?year=abc").exchange().expectStatus().isBadRequest();
    http.get().uri("/api/contract-statistics?side=MIDDLE").exchange().expectStatus().isBadRequest();
  }

  private void registerBetween(String sellerOwner, UUID seller, long totalFen, long equipmentFen, String field) {
    var id = draft(ContractTestData.offer(seller, ContractTestData.APPLE_ENTERPRISE, totalFen));
    var form = ContractTestData.completeForm(version(sellerOwner, id), equipmentFen, 0);
    form.put("technologyField", field);
    as(sellerOwner).put().uri("/api/contracts/{id}", id).contentType(MediaType.APPLICATION_JSON).bodyValue(form)
        .exchange().expectStatus().isOk();
    ok(post(sellerOwner, "signature-request", id, null));
    ok(post(sellerOwner, "signatures", id, null));
    ok(post("enterprise", "signatures", id, null));
    ok(post("enterprise", "submission", id, null));
    ok(post("admin", "registration", id, null));
  }

  private void rejected() {
    var id = demoDraft(9_000_000);
    signed(id, "university", "enterprise");
    ok(post("enterprise", "submission", id, null));
    ok(post("admin", "rejection", id, Map.of("reason", "不属于技术合同")));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> report(String side) {
    return http.get().uri("/api/contract-statistics?year=" + YEAR + "&side=" + side).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> target() {
    return http.get().uri("/api/contract-statistics/target?year=" + YEAR).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> bucket(Map<String, Object> report, String group, String key) {
    if (key == null) {
      return (Map<String, Object>) report.get(group);
    }
    return ((List<Map<String, Object>>) report.get(group)).stream().filter(b -> key.equals(b.get("key"))).findFirst()
        .orElse(Map.of("count", 0, "totalAmount", Map.of("amountFen", 0), "technicalTransactionAmount",
            Map.of("amountFen", 0)));
  }

  @SuppressWarnings("unchecked")
  private static long amount(Map<String, Object> map, String field) {
    return ((Number) ((Map<String, Object>) map.get(field)).get("amountFen")).longValue();
  }

  private static void assertDelta(Map<String, Object> before, Map<String, Object> after, String group, String key,
      long count, long totalFen, long technicalFen) {
    var b = bucket(before, group, key);
    var a = bucket(after, group, key);
    assertThat(((Number) a.get("count")).longValue() - ((Number) b.get("count")).longValue()).as(group + " " + key + " count")
        .isEqualTo(count);
    assertThat(amount(a, "totalAmount") - amount(b, "totalAmount")).as(group + " " + key + " total").isEqualTo(totalFen);
    assertThat(amount(a, "technicalTransactionAmount") - amount(b, "technicalTransactionAmount"))
        .as(group + " " + key + " technical").isEqualTo(technicalFen);
  }
}
