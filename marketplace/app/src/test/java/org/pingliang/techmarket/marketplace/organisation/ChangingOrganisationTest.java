package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * PUT /api/organisations/{id}: owners and administrators change details based on the version they
 * read; a change of legal identity sends a verified organisation back to verification.
 */
class ChangingOrganisationTest extends OrganisationApiTest {

  private static Map<String, Object> details(String name, String regionCode, Map<String, Object> legalEntityType) {
    var body = new HashMap<String, Object>();
    body.put("name", name);
    body.put("regionCode", regionCode);
    body.put("legalEntityType", legalEntityType);
    return body;
  }

  private static Map<String, Object> enterpriseDetails(String name) {
    return details(name, "620826", Map.of("category", "ENTERPRISE"));
  }

  private WebTestClient.ResponseSpec put(WebTestClient client, UUID id, String ifMatch, Object body) {
    var request = client.put().uri(ORGANISATIONS + "/{id}", id).contentType(MediaType.APPLICATION_JSON);
    if (ifMatch != null) {
      request = request.header("If-Match", ifMatch);
    }
    return request.bodyValue(body).exchange();
  }

  @Test
  void the_owner_changes_the_details_based_on_the_version_read() {
    var registered = register("enterprise");
    put(as("enterprise"), registered.id(), "\"0\"", details("静宁苹果新公司", "620826",
        Map.of("category", "SOCIAL_ORGANISATION")))
        .expectStatus().isOk()
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectHeader().valueEquals("ETag", "\"1\"")
        .expectBody()
        .jsonPath("$.name").isEqualTo("静宁苹果新公司")
        .jsonPath("$.regionCode").isEqualTo("620826")
        .jsonPath("$.legalEntityType.category").isEqualTo("SOCIAL_ORGANISATION")
        .jsonPath("$.creditCode").isEqualTo(registered.creditCode())
        .jsonPath("$.version").isEqualTo(1);

    put(as("enterprise"), registered.id(), null, with(enterpriseDetails("用正文中的版本号"), "version", 1))
        .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
  }

  @Test
  void a_stale_version_is_409_in_the_header_or_in_the_body() {
    var registered = register("enterprise");
    put(as("enterprise"), registered.id(), "\"0\"", enterpriseDetails("第一次修改")).expectStatus().isOk();

    problem(put(as("enterprise"), registered.id(), "\"0\"", enterpriseDetails("基于旧版本")), HttpStatus.CONFLICT,
        "conflict").jsonPath("$.detail").isEqualTo("数据已被他人修改，请刷新后重试。");
    problem(put(as("enterprise"), registered.id(), null, with(enterpriseDetails("基于旧版本"), "version", 0)),
        HttpStatus.CONFLICT, "conflict");
    http.get().uri(ORGANISATIONS + "/{id}", registered.id()).exchange().expectStatus().isNotFound();
    as("enterprise").get().uri(ORGANISATIONS + "/{id}", registered.id()).exchange()
        .expectBody().jsonPath("$.name").isEqualTo("第一次修改");
  }

  @Test
  void a_change_without_a_version_or_with_two_different_ones_is_refused() {
    var registered = register("enterprise");
    rejectsField(put(as("enterprise"), registered.id(), null, enterpriseDetails("没有版本号")), "version", "required");
    rejectsField(put(as("enterprise"), registered.id(), "\"0\"", with(enterpriseDetails("两个版本号"), "version", 3)),
        "version", "mismatch");
    problem(put(as("enterprise"), registered.id(), "*", enterpriseDetails("任意版本")), HttpStatus.BAD_REQUEST,
        "malformed-request").jsonPath("$.errors[0].field").isEqualTo("If-Match");
  }

  @Test
  void changing_the_legal_identity_of_a_verified_organisation_sends_it_back_to_pending() {
    var verified = registerVerified("enterprise");
    put(as("enterprise"), verified.id(), "\"1\"", enterpriseDetails("改名后的公司"))
        .expectStatus().isOk().expectBody()
        .jsonPath("$.verificationStatus").isEqualTo("PENDING");
    http.get().uri(ORGANISATIONS + "/{id}", verified.id()).exchange().expectStatus().isNotFound();
  }

  @Test
  void moving_a_verified_organisation_to_another_region_keeps_it_verified() {
    var body = registration("ENTERPRISE");
    var verified = registerVerified("enterprise", body);
    put(as("enterprise"), verified.id(), "\"1\"", details((String) body.get("name"), "620881",
        Map.of("category", "ENTERPRISE")))
        .expectStatus().isOk().expectBody()
        .jsonPath("$.verificationStatus").isEqualTo("VERIFIED")
        .jsonPath("$.regionName").isEqualTo("华亭市");
  }

  @Test
  void any_change_of_a_rejected_organisation_resubmits_it() {
    var rejected = registerRejected("broker");
    put(as("broker"), rejected.id(), "\"1\"", details("补正后的经纪机构", "620802", Map.of("category", "ENTERPRISE")))
        .expectStatus().isOk().expectBody()
        .jsonPath("$.verificationStatus").isEqualTo("PENDING")
        .jsonPath("$.rejectionReason").isEmpty();
  }

  @Test
  void the_same_values_change_nothing() {
    var body = registration("ENTERPRISE");
    var registered = register("enterprise", body);
    put(as("enterprise"), registered.id(), "\"0\"", details((String) body.get("name"), "620802",
        Map.of("category", "ENTERPRISE")))
        .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(0);
    assertThat(history(registered.id())).hasSize(1);
  }

  @Test
  void only_an_administrator_changes_the_credit_code() {
    var registered = register("enterprise");
    problem(put(as("enterprise"), registered.id(), "\"0\"",
        with(enterpriseDetails("换代码"), "creditCode", CreditCodes.random())), HttpStatus.FORBIDDEN, "forbidden")
        .jsonPath("$.errors[0].field").isEqualTo("creditCode")
        .jsonPath("$.errors[0].code").isEqualTo("admin-only");
    put(as("enterprise"), registered.id(), "\"0\"", with(enterpriseDetails("代码不变"), "creditCode",
        registered.creditCode())).expectStatus().isOk();

    var newCode = CreditCodes.random();
    put(as("admin"), registered.id(), "\"1\"", with(enterpriseDetails("代码不变"), "creditCode", newCode))
        .expectStatus().isOk().expectBody().jsonPath("$.creditCode").isEqualTo(newCode);
  }

  @Test
  void a_credit_code_taken_by_another_organisation_is_409() {
    var first = register("enterprise");
    var second = register("enterprise2");
    problem(put(as("admin"), second.id(), "\"0\"", with(enterpriseDetails("抢代码"), "creditCode", first.creditCode())),
        HttpStatus.CONFLICT, "conflict").jsonPath("$.errors[0].code").isEqualTo("taken");
  }

  @Test
  void editors_and_members_may_not_change_the_organisation() {
    var registered = register("university");
    addMember("university", registered.id(), UNIVERSITY2, "EDITOR");
    addMember("university", registered.id(), ENTERPRISE, "MEMBER");
    var body = details("编辑改名", "620802", Map.of("category", "PUBLIC_INSTITUTION", "subtype", "HIGHER_EDUCATION"));
    problem(put(as("university2"), registered.id(), "\"0\"", body), HttpStatus.FORBIDDEN, "forbidden");
    problem(put(as("enterprise"), registered.id(), "\"0\"", body), HttpStatus.FORBIDDEN, "forbidden");
  }

  @Test
  void outsiders_get_404_for_a_pending_organisation_and_403_for_a_verified_one() {
    var pending = register("enterprise");
    var verified = registerVerified("enterprise");
    registerVerified("enterprise2");
    problem(put(as("enterprise2"), pending.id(), "\"0\"", enterpriseDetails("别人的机构")), HttpStatus.NOT_FOUND,
        "not-found");
    problem(put(as("enterprise2"), verified.id(), "\"1\"", enterpriseDetails("别人的机构")), HttpStatus.FORBIDDEN,
        "forbidden");
    problem(put(as("enterprise2"), UUID.randomUUID(), "\"0\"", enterpriseDetails("不存在")), HttpStatus.NOT_FOUND,
        "not-found");
  }

  @Test
  void an_anonymous_caller_is_401() {
    var registered = registerVerified("enterprise");
    problem(put(http, registered.id(), "\"1\"", enterpriseDetails("匿名")), HttpStatus.UNAUTHORIZED, "unauthorized");
  }

  @Test
  void the_administrator_changes_any_organisation() {
    var registered = register("commissioner");
    put(as("admin"), registered.id(), "\"0\"", details("管理员更正", "620823", Map.of("category", "OTHER")))
        .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("管理员更正");
  }

  @Test
  void every_rule_of_registration_holds_for_changes() {
    var registered = register("enterprise");
    rejectsField(put(as("enterprise"), registered.id(), "\"0\"", enterpriseDetails("平".repeat(201))), "name", "size");
    rejectsField(put(as("enterprise"), registered.id(), "\"0\"", details("区划错误", "000000",
        Map.of("category", "ENTERPRISE"))), "regionCode", "unknown-province");
    rejectsField(put(as("enterprise"), registered.id(), "\"0\"", details("缺类别", "620802",
        Map.of("category", "PUBLIC_INSTITUTION"))), "legalEntityType.subtype", "required");
    rejectsField(put(as("admin"), registered.id(), "\"0\"", with(enterpriseDetails("校验位"), "creditCode",
        CreditCodes.withWrongCheck(registered.creditCode()))), "creditCode", "check-digit");
    rejectsField(put(as("enterprise"), registered.id(), "\"0\"", Map.of()), "name", "required");
    problem(put(as("enterprise"), registered.id(), "\"0\"", with(enterpriseDetails("改类型"), "kind", "UNIVERSITY")),
        HttpStatus.BAD_REQUEST, "malformed-request").jsonPath("$.errors[0].code").isEqualTo("unknown-field");
  }

  @Test
  void every_change_is_kept_with_who_when_and_the_version() {
    var registered = registerVerified("enterprise");
    put(as("enterprise"), registered.id(), "\"1\"", enterpriseDetails("历史记录测试")).expectStatus().isOk();

    var history = history(registered.id());
    assertThat(history).extracting(entry -> entry.get("change_type"))
        .containsExactly("REGISTERED", "VERIFIED", "UPDATED");
    var update = history.getLast();
    assertThat(update).containsEntry("organisation_version", 2L).containsEntry("changed_by", ENTERPRISE);
    assertThat((String) update.get("changes"))
        .contains("\"name\"", "历史记录测试", "\"regionCode\"", "620826", "\"verificationStatus\"", "PENDING");
  }
}
