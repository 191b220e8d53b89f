package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pingliang.techmarket.testsupport.DevServices;
import org.pingliang.techmarket.testsupport.KeycloakTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** POST /api/organisations: who may register which kind, and every rule a registration must pass. */
class RegisteringOrganisationsTest extends OrganisationApiTest {

  @ParameterizedTest(name = "{0} registers {1}")
  @CsvSource({
      "university, UNIVERSITY", "university, RESEARCH_INSTITUTE", "enterprise, ENTERPRISE",
      "enterprise, SERVICE_PROVIDER", "broker, BROKER_AGENCY", "commissioner, SERVICE_PROVIDER",
      "admin, UNIVERSITY", "admin, RESEARCH_INSTITUTE", "admin, ENTERPRISE", "admin, BROKER_AGENCY",
      "admin, SERVICE_PROVIDER"})
  void a_role_registers_the_kinds_that_fit_it_pending_and_becomes_owner(String username, String kind) {
    var body = registration(kind);
    var created = post(as(username), body)
        .expectStatus().isCreated()
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectHeader().valueEquals("ETag", "\"0\"")
        .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/organisations/"))
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(created)
        .containsEntry("name", body.get("name"))
        .containsEntry("kind", kind)
        .containsEntry("creditCode", body.get("creditCode"))
        .containsEntry("regionCode", "620802")
        .containsEntry("regionName", "崆峒区")
        .containsEntry("verificationStatus", "PENDING")
        .containsEntry("version", 0);
    var registered = Registered.of(created);
    assertThat(registered.id().version()).as("time-ordered UUID v7").isEqualTo(7);

    as(username).get().uri("/api/me/organisations").exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.items[?(@.organisation.id == '%s')].role".formatted(registered.id())).isEqualTo("OWNER");
  }

  @ParameterizedTest(name = "{0} may not register {1}")
  @CsvSource({
      "enterprise, UNIVERSITY", "enterprise, BROKER_AGENCY", "university, ENTERPRISE", "broker, ENTERPRISE",
      "broker, SERVICE_PROVIDER", "commissioner, BROKER_AGENCY", "commissioner, RESEARCH_INSTITUTE"})
  void a_kind_that_does_not_fit_the_role_is_403_naming_kind(String username, String kind) {
    problem(post(as(username), registration(kind)), HttpStatus.FORBIDDEN, "forbidden")
        .jsonPath("$.errors[0].field").isEqualTo("kind")
        .jsonPath("$.errors[0].code").isEqualTo("not-allowed-for-role");
  }

  @Test
  void a_machine_client_may_not_register() {
    var service = KeycloakTokens.client("techmarket-service", DevServices.get("TECHMARKET_SERVICE_CLIENT_SECRET"));
    problem(post(withToken(service), registration("ENTERPRISE")), HttpStatus.FORBIDDEN, "forbidden");
  }

  @Test
  void an_anonymous_caller_is_401() {
    problem(post(http, registration("ENTERPRISE")), HttpStatus.UNAUTHORIZED, "unauthorized");
  }

  @Test
  void a_taken_credit_code_is_409_even_typed_differently() {
    var first = register("enterprise");
    var again = with(registration("ENTERPRISE"), "creditCode", " " + first.creditCode().toLowerCase() + " ");
    problem(post(as("enterprise2"), again), HttpStatus.CONFLICT, "conflict")
        .jsonPath("$.errors[0].field").isEqualTo("creditCode")
        .jsonPath("$.errors[0].code").isEqualTo("taken")
        .jsonPath("$.detail").isEqualTo("该统一社会信用代码已被登记。");
  }

  @Test
  void a_wrong_check_digit_is_422_naming_the_credit_code() {
    var body = with(registration("ENTERPRISE"), "creditCode", CreditCodes.withWrongCheck(CreditCodes.random()));
    rejectsField(post(as("enterprise"), body), "creditCode", "check-digit");
  }

  @Test
  void a_credit_code_of_the_wrong_shape_is_422_format() {
    rejectsField(post(as("enterprise"), with(registration("ENTERPRISE"), "creditCode", "9162080012345")),
        "creditCode", "format");
    rejectsField(post(as("enterprise"), with(registration("ENTERPRISE"), "creditCode", "91620800MA7IOSVZ1X")),
        "creditCode", "format");
  }

  @Test
  void a_region_that_is_no_gb2260_code_is_422_naming_the_region() {
    rejectsField(post(as("enterprise"), with(registration("ENTERPRISE"), "regionCode", "990802")),
        "regionCode", "unknown-province");
    rejectsField(post(as("enterprise"), with(registration("ENTERPRISE"), "regionCode", "62080")),
        "regionCode", "format");
    rejectsField(post(as("enterprise"), with(registration("ENTERPRISE"), "regionCode", "６２０８００")),
        "regionCode", "format");
  }

  @Test
  void missing_fields_are_422_naming_each() {
    post(as("enterprise"), Map.of()).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type").isEqualTo(PROBLEM_BASE + "validation-failed")
        .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
            .contains("name", "kind", "creditCode", "regionCode", "legalEntityType"))
        .jsonPath("$.errors.length()").isEqualTo(5)
        .jsonPath("$.errors[?(@.code != 'required')]").isEmpty();
  }

  @Test
  void explicit_nulls_count_as_missing() {
    var body = new java.util.HashMap<>(registration("ENTERPRISE"));
    body.put("name", null);
    rejectsField(post(as("enterprise"), body), "name", "required");
  }

  @Test
  void a_name_over_200_characters_is_422_and_200_cjk_characters_fit() {
    rejectsField(post(as("enterprise"), with(registration("ENTERPRISE"), "name", "平".repeat(201))), "name", "size");
    post(as("enterprise"), with(registration("ENTERPRISE"), "name", "凉".repeat(200))).expectStatus().isCreated();
  }

  @Test
  void a_blank_name_or_one_with_control_characters_is_422() {
    rejectsField(post(as("enterprise"), with(registration("ENTERPRISE"), "name", " \t ")), "name", "not-blank");
    rejectsField(post(as("enterprise"), with(registration("ENTERPRISE"), "name", "\u200B\u200B")), "name", "not-blank");
    rejectsField(post(as("enterprise"), with(registration("ENTERPRISE"), "name", "平凉\u0000公司")), "name",
        "invalid-characters");
    rejectsField(post(as("enterprise"), with(registration("ENTERPRISE"), "name", "平凉\n公司")), "name",
        "invalid-characters");
  }

  @Test
  void a_public_institution_needs_a_subtype_and_others_may_not_have_one() {
    rejectsField(post(as("university"), with(registration("UNIVERSITY"), "legalEntityType",
        Map.of("category", "PUBLIC_INSTITUTION"))), "legalEntityType.subtype", "required");
    rejectsField(post(as("enterprise"), with(registration("ENTERPRISE"), "legalEntityType",
        Map.of("category", "ENTERPRISE", "subtype", "HIGHER_EDUCATION"))), "legalEntityType.subtype", "not-allowed");
    rejectsField(post(as("enterprise"), with(registration("ENTERPRISE"), "legalEntityType", Map.of())),
        "legalEntityType.category", "required");
  }

  @Test
  void every_legal_entity_type_can_be_registered() {
    for (var type : List.of(Map.of("category", "GOVERNMENT_AGENCY"), Map.of("category", "SOCIAL_ORGANISATION"),
        Map.of("category", "OTHER"), Map.of("category", "PUBLIC_INSTITUTION", "subtype", "OTHER"))) {
      post(as("admin"), with(registration("SERVICE_PROVIDER"), "legalEntityType", type)).expectStatus().isCreated()
          .expectBody().jsonPath("$.legalEntityType.category").isEqualTo(type.get("category"));
    }
  }

  @Test
  void an_unknown_field_is_400_naming_it() {
    problem(post(as("enterprise"), with(registration("ENTERPRISE"), "verificationStatus", "VERIFIED")),
        HttpStatus.BAD_REQUEST, "malformed-request")
        .jsonPath("$.errors[0].field").isEqualTo("verificationStatus")
        .jsonPath("$.errors[0].code").isEqualTo("unknown-field");
  }

  @Test
  void an_unknown_kind_is_400_naming_it() {
    problem(post(as("enterprise"), with(registration("ENTERPRISE"), "kind", "BANK")), HttpStatus.BAD_REQUEST,
        "malformed-request")
        .jsonPath("$.errors[0].field").isEqualTo("kind");
  }

  @Test
  void field_messages_follow_the_request_language() {
    var body = with(registration("ENTERPRISE"), "creditCode", CreditCodes.withWrongCheck(CreditCodes.random()));
    post(as("enterprise"), body).expectBody()
        .jsonPath("$.errors[0].message").isEqualTo("统一社会信用代码的校验位不正确，请核对");
    as("enterprise").post().uri(ORGANISATIONS).header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body).exchange().expectBody()
        .jsonPath("$.title").isEqualTo("Validation failed")
        .jsonPath("$.errors[0].message")
        .isEqualTo("The check character of the unified social credit code is wrong; please check it");
  }

  @Test
  void the_registration_is_the_first_entry_of_the_history() {
    var registered = register("broker");
    var history = history(registered.id());
    assertThat(history).hasSize(1);
    assertThat(history.getFirst())
        .containsEntry("change_type", "REGISTERED")
        .containsEntry("organisation_version", 0L)
        .containsEntry("changed_by", BROKER);
    assertThat((String) history.getFirst().get("changes")).contains(registered.creditCode()).contains("PENDING");
  }
}
