package org.pingliang.techmarket.marketplace.listing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Each validation rule of the listing forms, one broken at a time: the field is named, nothing is stored. */
class ListingValidationTest extends ApiTest {

  private UUID institute;
  private UUID enterprise;

  @BeforeEach
  void organisations() {
    institute = ListingTestData.organisation(as("university"), as("admin"), "UNIVERSITY", true);
    enterprise = ListingTestData.organisation(as("enterprise"), as("admin"), "ENTERPRISE", true);
  }

  private WebTestClient.ResponseSpec postAchievement(Map<String, Object> form) {
    return as("university").post().uri("/api/achievements").contentType(MediaType.APPLICATION_JSON).bodyValue(form).exchange();
  }

  private WebTestClient.ResponseSpec postDemand(Map<String, Object> form) {
    return as("enterprise").post().uri("/api/demands").contentType(MediaType.APPLICATION_JSON).bodyValue(form).exchange();
  }

  private static void rejected(WebTestClient.ResponseSpec response, HttpStatus status, String field, String code) {
    response.expectStatus().isEqualTo(status)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[?(@.field == '" + field + "')].code").isEqualTo(code);
  }

  @Test
  void a_patent_number_with_a_wrong_check_character_is_422() {
    var form = ListingTestData.achievement(institute);
    form.put("ip", Map.of("patents", List.of(Map.of("applicationNumber", "202310123456.7"))));
    rejected(postAchievement(form), HttpStatus.UNPROCESSABLE_CONTENT, "ip.patents[0].applicationNumber", "patent-number");
  }

  @Test
  void a_negative_price_is_422() {
    var form = ListingTestData.achievement(institute);
    form.put("askingPrice", Map.of("amountFen", -1, "currency", "CNY"));
    rejected(postAchievement(form), HttpStatus.UNPROCESSABLE_CONTENT, "askingPrice.amountFen", "positive-or-zero");
  }

  @Test
  void a_price_and_negotiable_at_once_is_422() {
    var form = ListingTestData.achievement(institute);
    form.put("priceNegotiable", true);
    rejected(postAchievement(form), HttpStatus.UNPROCESSABLE_CONTENT, "askingPrice", "price-and-negotiable");
  }

  @Test
  void a_price_in_floating_point_is_400() {
    var form = ListingTestData.achievement(institute);
    form.put("askingPrice", Map.of("amountFen", 12.5, "currency", "CNY"));
    rejected(postAchievement(form), HttpStatus.BAD_REQUEST, "askingPrice.amountFen", "wrong-type");
  }

  @Test
  void a_region_outside_gb_t_2260_is_422() {
    var form = ListingTestData.achievement(institute);
    form.put("regionCode", "999999");
    rejected(postAchievement(form), HttpStatus.UNPROCESSABLE_CONTENT, "regionCode", "administrative-division");
  }

  @Test
  void oversize_text_is_422() {
    var form = ListingTestData.achievement(institute);
    form.put("title", "长".repeat(201));
    rejected(postAchievement(form), HttpStatus.UNPROCESSABLE_CONTENT, "title", "size");
  }

  @Test
  void missing_required_fields_are_422_each_named() {
    var form = ListingTestData.achievement(institute);
    form.remove("title");
    form.remove("maturity");
    form.put("transferModes", List.of());
    var response = postAchievement(form);
    response.expectStatus().isEqualTo(422).expectBody()
        .jsonPath("$.errors[?(@.field == 'title')].code").isEqualTo("not-blank")
        .jsonPath("$.errors[?(@.field == 'maturity')].code").isEqualTo("not-null")
        .jsonPath("$.errors[?(@.field == 'transferModes')].code").isEqualTo("not-empty");
  }

  @Test
  void an_unknown_enum_value_is_400_naming_the_field() {
    var form = ListingTestData.achievement(institute);
    form.put("maturity", "ALMOST_THERE");
    rejected(postAchievement(form), HttpStatus.BAD_REQUEST, "maturity", "wrong-type");
  }

  @Test
  void a_trl_outside_one_to_nine_is_422() {
    var form = ListingTestData.achievement(institute);
    form.put("trl", 10);
    rejected(postAchievement(form), HttpStatus.UNPROCESSABLE_CONTENT, "trl", "max");
  }

  @Test
  void a_deadline_in_the_past_is_422() {
    var form = ListingTestData.demand(enterprise);
    form.put("deadline", LocalDate.now().minusDays(2).toString());
    rejected(postDemand(form), HttpStatus.UNPROCESSABLE_CONTENT, "deadline", "future-or-present");
  }

  @Test
  void a_budget_whose_minimum_exceeds_its_maximum_is_422() {
    var form = ListingTestData.demand(enterprise);
    form.put("budget", Map.of("min", Map.of("amountFen", 9_000, "currency", "CNY"),
        "max", Map.of("amountFen", 1_000, "currency", "CNY")));
    rejected(postDemand(form), HttpStatus.UNPROCESSABLE_CONTENT, "budget.min", "min-above-max");
  }

  @Test
  void a_challenge_without_a_bounty_above_zero_is_422() {
    var form = ListingTestData.demand(enterprise);
    form.put("challenge", Map.of("bounty", Map.of("amountFen", 0, "currency", "CNY")));
    rejected(postDemand(form), HttpStatus.UNPROCESSABLE_CONTENT, "challenge.bounty.amountFen", "positive");
  }

  @Test
  void a_currency_other_than_cny_is_422() {
    var form = ListingTestData.demand(enterprise);
    form.put("budget", Map.of("max", Map.of("amountFen", 1_000, "currency", "USD")));
    rejected(postDemand(form), HttpStatus.UNPROCESSABLE_CONTENT, "budget.max.currency", "pattern");
  }

  @Test
  void a_package_of_unpublished_achievements_is_422_naming_the_position() {
    var draft = postAchievement(ListingTestData.achievement(institute)).expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody().get("id");
    as("broker").post().uri("/api/achievement-packages").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("title", "庄浪马铃薯成果包", "theme", "庄浪马铃薯", "description", "",
            "achievementIds", List.of(draft)))
        .exchange()
        .expectStatus().isEqualTo(422)
        .expectBody().jsonPath("$.errors[0].field").isEqualTo("achievementIds[0]")
        .jsonPath("$.errors[0].code").isEqualTo("not-published");
  }

  @Test
  void hostile_text_is_stored_faithfully_and_returned_as_json_never_html() {
    var hostile = "<script>alert('x')</script>'; DROP TABLE achievements;-- \u200B\u202Eevil\u202C 🍎🥔 "
        + "平凉".repeat(80);
    var form = ListingTestData.achievement(institute);
    form.put("title", hostile.substring(0, 200));
    form.put("description", hostile + "<img src=x onerror=alert(1)>");
    var created = postAchievement(form).expectStatus().isCreated()
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody(Map.class).returnResult().getResponseBody();

    as("university").get().uri("/api/achievements/{id}", created.get("id")).exchange()
        .expectStatus().isOk()
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.title").isEqualTo(hostile.substring(0, 200))
        .jsonPath("$.description").isEqualTo(hostile + "<img src=x onerror=alert(1)>");
  }
}
