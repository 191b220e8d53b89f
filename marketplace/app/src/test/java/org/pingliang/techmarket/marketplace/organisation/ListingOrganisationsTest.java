package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GET /api/organisations: the public directory of verified organisations by cursor, and for
 * administrators the moderation queue. Each test registers in a county of its own, so the lists
 * it reads hold its own organisations.
 */
class ListingOrganisationsTest extends OrganisationApiTest {

  @Test
  void anyone_lists_verified_organisations_only() {
    var county = unusedCounty();
    var verified = registerVerified("enterprise", with(registration("ENTERPRISE"), "regionCode", county));
    var pending = register("enterprise", with(registration("ENTERPRISE"), "regionCode", county));
    var rejected = register("enterprise", with(registration("ENTERPRISE"), "regionCode", county));
    decide(rejected.id(), Map.of("decision", "REJECTED", "reason", "信息不全"));

    var ids = allIds(http, "region=" + county);
    assertThat(ids).contains(verified.id()).doesNotContain(pending.id(), rejected.id());
  }

  @Test
  void the_list_is_json_with_items_and_next_cursor() {
    var county = unusedCounty();
    registerVerified("broker", with(registration("BROKER_AGENCY"), "regionCode", county));
    http.get().uri(ORGANISATIONS + "?region=" + county).exchange()
        .expectStatus().isOk()
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.items[0].verificationStatus").isEqualTo("VERIFIED")
        .jsonPath("$.nextCursor").isEmpty();
  }

  @Test
  void pages_follow_each_other_by_cursor_without_gaps_or_repeats() {
    var county = unusedCounty();
    var registered = new ArrayList<UUID>();
    for (var i = 0; i < 5; i++) {
      registered.add(registerVerified("university", with(registration("UNIVERSITY"), "regionCode", county)).id());
    }
    var pages = new ArrayList<List<UUID>>();
    String cursor = null;
    do {
      var page = page(http, "region=" + county + "&size=2" + (cursor == null ? "" : "&cursor=" + cursor));
      pages.add(ids(page));
      cursor = (String) page.get("nextCursor");
    } while (cursor != null);

    assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(2));
    var seen = pages.stream().flatMap(List::stream).toList();
    assertThat(seen).doesNotHaveDuplicates().containsSubsequence(registered);
    assertThat(pages.size()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void kind_filters_the_list() {
    var county = unusedCounty();
    var enterprise = registerVerified("enterprise", with(registration("ENTERPRISE"), "regionCode", county));
    var provider = registerVerified("commissioner", with(registration("SERVICE_PROVIDER"), "regionCode", county));
    assertThat(allIds(http, "region=" + county + "&kind=SERVICE_PROVIDER"))
        .contains(provider.id()).doesNotContain(enterprise.id());
  }

  @Test
  void a_city_or_province_code_covers_its_counties() {
    var county = unusedCounty();
    var city = county.substring(0, 4) + "00";
    var neighbour = county.substring(0, 4) + (county.endsWith("99") ? "98" : "99");
    var elsewhere = "61" + county.substring(2);
    var here = registerVerified("enterprise", with(registration("ENTERPRISE"), "regionCode", county));
    var next = registerVerified("enterprise", with(registration("ENTERPRISE"), "regionCode", neighbour));
    var far = registerVerified("enterprise", with(registration("ENTERPRISE"), "regionCode", elsewhere));

    assertThat(allIds(http, "region=" + city)).contains(here.id(), next.id()).doesNotContain(far.id());
    assertThat(allIds(http, "region=" + county)).contains(here.id()).doesNotContain(next.id(), far.id());
  }

  @Test
  void an_administrator_lists_the_moderation_queue() {
    var county = unusedCounty();
    var pending = register("university", with(registration("UNIVERSITY"), "regionCode", county));
    var verified = registerVerified("university", with(registration("UNIVERSITY"), "regionCode", county));
    var queue = allIds(as("admin"), "status=PENDING&region=" + county);
    assertThat(queue).contains(pending.id()).doesNotContain(verified.id());
    assertThat(allIds(as("admin"), "status=VERIFIED&region=" + county)).contains(verified.id());
  }

  @Test
  void only_administrators_may_ask_for_a_status() {
    problem(as("university").get().uri(ORGANISATIONS + "?status=PENDING").exchange(), HttpStatus.FORBIDDEN, "forbidden");
    problem(as("enterprise").get().uri(ORGANISATIONS + "?status=VERIFIED").exchange(), HttpStatus.FORBIDDEN,
        "forbidden");
    problem(http.get().uri(ORGANISATIONS + "?status=PENDING").exchange(), HttpStatus.UNAUTHORIZED, "unauthorized");
  }

  @Test
  void bad_parameters_are_refused_naming_them() {
    rejectsField(http.get().uri(ORGANISATIONS + "?size=0").exchange(), "size", "min");
    rejectsField(http.get().uri(ORGANISATIONS + "?size=101").exchange(), "size", "max");
    rejectsField(http.get().uri(ORGANISATIONS + "?region=999999").exchange(), "region", "unknown-province");
    rejectsField(http.get().uri(ORGANISATIONS + "?region=6208").exchange(), "region", "format");
    problem(http.get().uri(ORGANISATIONS + "?cursor=not-ours").exchange(), HttpStatus.BAD_REQUEST, "malformed-request")
        .jsonPath("$.errors[0].field").isEqualTo("cursor");
    problem(http.get().uri(ORGANISATIONS + "?kind=BANK").exchange(), HttpStatus.BAD_REQUEST, "malformed-request")
        .jsonPath("$.errors[0].field").isEqualTo("kind");
    problem(http.get().uri(ORGANISATIONS + "?size=many").exchange(), HttpStatus.BAD_REQUEST, "malformed-request")
        .jsonPath("$.errors[0].field").isEqualTo("size");
  }

  @SuppressWarnings("rawtypes")
  private Map page(WebTestClient client, String query) {
    return client.get().uri(ORGANISATIONS + "?" + query).exchange()
        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<UUID> ids(Map page) {
    return ((List<Map>) page.get("items")).stream().map(item -> UUID.fromString((String) item.get("id"))).toList();
  }

  /** Every id of the list, following the cursor to the end. */
  private List<UUID> allIds(WebTestClient client, String query) {
    var all = new ArrayList<UUID>();
    String cursor = null;
    do {
      var page = page(client, query + "&size=100" + (cursor == null ? "" : "&cursor=" + cursor));
      all.addAll(ids(page));
      cursor = (String) page.get("nextCursor");
    } while (cursor != null);
    return all;
  }
}
