package org.pingliang.techmarket.marketplace.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.listing.ListingTestData;
import org.pingliang.techmarket.search.embedding.TextEmbedder;
import org.pingliang.techmarket.search.query.SearchCluster;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriBuilder;

/**
 * /api/search, suggestions and matches against the real Elasticsearch node, on documents written
 * with search-indexer's own mapping. Each test tags its documents with a fresh industry tag, so
 * counts are exact whatever else the shared index holds.
 */
class SearchApiTest extends ApiTest {

  @Autowired
  SearchCluster cluster;

  @Autowired
  TextEmbedder embedder;

  @Value("${techmarket.search.index-prefix}")
  String prefix;

  SearchTestIndex index;
  String tag;

  @BeforeEach
  void setUp() {
    index = new SearchTestIndex(cluster.client(), embedder, prefix);
    index.ensureExists();
    tag = "测试" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void tudou_finds_malingshu_with_escaped_highlights() {
    var potato = SearchTestIndex.achievement("庄浪马铃薯脱毒种薯繁育技术", tag);
    var other = SearchTestIndex.achievement("静宁苹果冷链保鲜", tag);
    index.put(potato);
    index.put(other);

    var page = search(uri -> uri.queryParam("q", "土豆").queryParam("industry", tag).queryParam("mode", "bm25"));

    assertThat(ids(page)).containsExactly(potato.get("id"));
    var item = items(page).getFirst();
    @SuppressWarnings("unchecked")
    var highlights = (Map<String, List<String>>) item.get("highlights");
    assertThat(highlights.get("title").getFirst()).contains("<em>").contains("马铃");
    @SuppressWarnings("unchecked")
    var breakdown = (Map<String, Object>) item.get("breakdown");
    assertThat(breakdown).containsEntry("bm25Rank", 1).containsKey("final").containsKey("rrf");
    assertThat(((Number) breakdown.get("rrf")).doubleValue()).isEqualTo(1.0 / 61, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  @SuppressWarnings("unchecked")
  void vector_and_hybrid_ranking_explain_every_part_of_the_score() {
    var potato = SearchTestIndex.achievement("马铃薯贮藏保鲜技术", tag);
    potato.put("summary", "窖藏通风控温，减少块茎腐烂和发芽。");
    var coal = SearchTestIndex.achievement("煤化工高盐废水零排放", tag);
    coal.put("summary", "华亭煤化工园区高盐废水处理与回用。");
    coal.put("technologyField", "ENVIRONMENT");
    index.put(potato);
    index.put(coal);

    // No word in common with the listing: only the meaning finds it.
    var semantic = search(uri -> uri.queryParam("q", "土豆怎么储存才不会烂").queryParam("industry", tag)
        .queryParam("mode", "vector"));
    var first = items(semantic).getFirst();
    assertThat(first.get("id")).isEqualTo(potato.get("id"));
    var vector = (Map<String, Object>) first.get("breakdown");
    assertThat(vector.get("vectorRank")).isEqualTo(1);
    assertThat(vector.get("bm25Rank")).isNull();
    assertThat(((Number) vector.get("vectorSimilarity")).doubleValue()).isGreaterThan(0.5);
    items(semantic).stream().filter(item -> item.get("id").equals(coal.get("id"))).findFirst()
        .ifPresent(item -> assertThat(((Number) ((Map<String, Object>) item.get("breakdown")).get("vectorSimilarity"))
            .doubleValue()).isLessThan(((Number) vector.get("vectorSimilarity")).doubleValue()));

    var hybrid = search(uri -> uri.queryParam("q", "马铃薯贮藏").queryParam("industry", tag).queryParam("mode", "hybrid"));
    var top = items(hybrid).getFirst();
    assertThat(top.get("id")).isEqualTo(potato.get("id"));
    var parts = (Map<String, Object>) top.get("breakdown");
    assertThat(parts.get("bm25Rank")).isEqualTo(1);
    assertThat(parts.get("vectorRank")).isEqualTo(1);
    var rrf = ((Number) parts.get("rrf")).doubleValue();
    assertThat(rrf).isCloseTo(2.0 / 61, org.assertj.core.data.Offset.offset(1e-6));
    var boosts = (Map<String, Object>) parts.get("boosts");
    var freshness = ((Number) boosts.get("freshness")).doubleValue();
    var verified = ((Number) boosts.get("verifiedHolder")).doubleValue();
    // Published just now: close to the full freshness boost; the made-up holder is not verified.
    assertThat(freshness).isBetween(0.09, 0.1);
    assertThat(verified).isZero();
    assertThat(((Number) parts.get("final")).doubleValue())
        .isCloseTo(rrf * (1 + verified + freshness), org.assertj.core.data.Offset.offset(1e-5));
    assertThat(((Number) top.get("score")).doubleValue()).isEqualTo(((Number) parts.get("final")).doubleValue());
  }

  @Test
  void highlights_never_carry_markup_from_the_listing() {
    var hostile = SearchTestIndex.achievement("<script>alert(1)</script> 马铃薯储藏 <b>技术</b>", tag);
    hostile.put("summary", "马铃薯 \"quoted\" & <img src=x onerror=alert(2)>");
    index.put(hostile);

    var page = search(uri -> uri.queryParam("q", "马铃薯").queryParam("industry", tag).queryParam("mode", "bm25"));

    var item = items(page).getFirst();
    @SuppressWarnings("unchecked")
    var highlights = (Map<String, List<String>>) item.get("highlights");
    var title = highlights.get("title").getFirst();
    assertThat(title).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;b&gt;").doesNotContain("<script>")
        .doesNotContain("<b>");
    var summary = String.join(" ", highlights.get("summary"));
    assertThat(summary).contains("&lt;img").contains("&amp;").contains("&quot;").doesNotContain("<img");
    // Only <em> tags remain once the escaped text is taken out.
    assertThat((title + summary).replaceAll("</?em>", "")).doesNotContain("<").doesNotContain(">");
    // The plain fields are data, not HTML: returned as written.
    assertThat(item.get("title")).isEqualTo(hostile.get("title"));
  }

  @Test
  void filters_and_facets_are_exact() {
    var a1 = SearchTestIndex.achievement("旱作区马铃薯覆膜种植", tag);
    var a2 = SearchTestIndex.achievement("马铃薯晚疫病预警", tag);
    a2.put("maturity", "LABORATORY");
    a2.put("regionCode", "620826");
    a2.put("priceFen", 500_000L);
    a2.put("transferModes", List.of("ASSIGNMENT"));
    var a3 = SearchTestIndex.achievement("光伏提水灌溉", tag);
    a3.put("technologyField", "NEW_ENERGY");
    a3.put("priceFen", 900_000L);
    var d1 = SearchTestIndex.demand("马铃薯储藏损耗高", "窖藏马铃薯损耗约 15%。", tag);
    var hidden = SearchTestIndex.achievement("马铃薯未发布成果", tag);
    hidden.put("visible", false);
    hidden.put("status", "DRAFT");
    List.of(a1, a2, a3, d1, hidden).forEach(index::put);

    var page = search(uri -> uri.queryParam("industry", tag).queryParam("technologyField", "AGRICULTURE"));

    assertThat(page.get("total")).isEqualTo(3);
    assertThat(ids(page)).containsExactlyInAnyOrder(a1.get("id"), a2.get("id"), d1.get("id"));
    var facets = facets(page);
    // A facet counts under every other filter, not its own: NEW_ENERGY still shows 1.
    assertThat(facets.get("technologyField")).containsExactlyInAnyOrder(Map.of("value", "AGRICULTURE", "count", 3),
        Map.of("value", "NEW_ENERGY", "count", 1));
    assertThat(facets.get("type")).containsExactlyInAnyOrder(Map.of("value", "ACHIEVEMENT", "count", 2),
        Map.of("value", "DEMAND", "count", 1));
    assertThat(facets.get("maturity")).containsExactlyInAnyOrder(Map.of("value", "PILOT_SCALE", "count", 1),
        Map.of("value", "LABORATORY", "count", 1));
    assertThat(facets.get("region")).containsExactlyInAnyOrder(Map.of("value", "620825", "count", 2),
        Map.of("value", "620826", "count", 1));
    assertThat(facets.get("transferMode")).containsExactlyInAnyOrder(Map.of("value", "LICENCE", "count", 1),
        Map.of("value", "ASSIGNMENT", "count", 1), Map.of("value", "JOINT_DEVELOPMENT", "count", 1));
    // The industry facet ignores the industry filter itself, so other listings' tags show too.
    assertThat(facets.get("industry")).contains(Map.of("value", tag, "count", 3));

    // Price: achievements inside the range, demands whose budget overlaps it.
    var priced = search(uri -> uri.queryParam("industry", tag).queryParam("priceMinFen", 150_000)
        .queryParam("priceMaxFen", 550_000));
    assertThat(ids(priced)).containsExactlyInAnyOrder(a2.get("id"), d1.get("id"));

    // A city code covers its counties; filters combine; the hidden draft never appears.
    var city = search(uri -> uri.queryParam("industry", tag).queryParam("region", "620800"));
    assertThat(city.get("total")).isEqualTo(4);
    var combined = search(uri -> uri.queryParam("industry", tag).queryParam("type", "ACHIEVEMENT")
        .queryParam("maturity", "PILOT_SCALE").queryParam("transferMode", "LICENCE"));
    assertThat(ids(combined)).containsExactlyInAnyOrder(a1.get("id"), a3.get("id"));
    var text = search(uri -> uri.queryParam("q", "马铃薯").queryParam("industry", tag).queryParam("mode", "bm25"));
    assertThat(ids(text)).containsExactlyInAnyOrder(a1.get("id"), a2.get("id"), d1.get("id"));
  }

  @Test
  void a_withdrawn_listing_disappears() {
    var listing = SearchTestIndex.achievement("马铃薯全粉加工工艺", tag);
    index.put(listing);
    assertThat(ids(search(uri -> uri.queryParam("q", "马铃薯").queryParam("industry", tag).queryParam("mode", "bm25"))))
        .containsExactly(listing.get("id"));

    listing.put("version", 4);
    listing.put("status", "WITHDRAWN");
    listing.put("visible", false);
    index.put(listing);

    assertThat(ids(search(uri -> uri.queryParam("q", "马铃薯").queryParam("industry", tag).queryParam("mode", "bm25"))))
        .isEmpty();
    assertThat(search(uri -> uri.queryParam("industry", tag)).get("total")).isEqualTo(0);
  }

  @Test
  void cursor_paging_returns_every_item_exactly_once() {
    var expected = new HashSet<Object>();
    var start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (var i = 0; i < 23; i++) {
      var listing = SearchTestIndex.achievement("马铃薯品种 " + i, tag);
      // Several share a timestamp, so the id tie-breaker matters.
      listing.put("publishedAt", start.minusSeconds(i / 3).toString());
      listing.put("priceFen", 1000L * (i % 5));
      index.put(listing);
      expected.add(listing.get("id"));
    }
    for (var sort : List.of("newest", "price_asc", "price_desc", "relevance")) {
      var seen = new ArrayList<Object>();
      String cursor = null;
      var pages = 0;
      do {
        var next = cursor;
        var page = search(uri -> {
          uri.queryParam("q", "马铃薯").queryParam("industry", tag).queryParam("sort", sort).queryParam("mode", "bm25")
              .queryParam("size", 5);
          return next == null ? uri : uri.queryParam("cursor", next);
        });
        seen.addAll(ids(page));
        cursor = (String) page.get("nextCursor");
        pages++;
      } while (cursor != null && pages < 20);
      assertThat(seen).as(sort).hasSize(23).doesNotHaveDuplicates();
      assertThat(new HashSet<>(seen)).as(sort).isEqualTo(expected);
    }
  }

  @Test
  void suggestions_complete_titles_as_you_type() {
    // A made-up brand of random characters makes the title unique in the shared index.
    var brand = brand();
    var listing = SearchTestIndex.achievement(brand + "马铃薯淀粉废水资源化", tag);
    var hidden = SearchTestIndex.achievement(brand + "马铃薯未发布", tag);
    hidden.put("visible", false);
    index.put(listing);
    index.put(hidden);

    for (var typed : List.of(brand.substring(0, 3), brand + "马", brand + "马铃薯淀")) {
      var body = http.get().uri(uri -> uri.path("/api/search/suggestions").queryParam("q", typed)
              .queryParam("size", 20).build())
          .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
      @SuppressWarnings("unchecked")
      var suggestions = (List<Map<String, Object>>) body.get("suggestions");
      assertThat(suggestions).as(typed).extracting(s -> s.get("id")).contains(listing.get("id"))
          .doesNotContain(hidden.get("id"));
      assertThat(suggestions).as(typed).filteredOn(s -> s.get("id").equals(listing.get("id")))
          .extracting(s -> s.get("text"), s -> s.get("type")).containsExactly(org.assertj.core.groups.Tuple.tuple(
              listing.get("title"), "ACHIEVEMENT"));
    }
    http.get().uri("/api/search/suggestions?q=").exchange().expectStatus().isEqualTo(422);
  }

  @Test
  void bad_parameters_are_field_errors() {
    expectProblem("/api/search?sort=cheapest", 400, "sort");
    expectProblem("/api/search?size=101", 422, "size");
    expectProblem("/api/search?size=0", 422, "size");
    expectProblem("/api/search?cursor=not-a-cursor", 400, "cursor");
    expectProblem("/api/search?priceMinFen=500&priceMaxFen=100", 422, "priceMinFen");
    expectProblem("/api/search?type=GADGET", 400, "type");
    expectProblem("/api/search?technologyField=MAGIC", 400, "technologyField");
    expectProblem("/api/search?region=62", 400, "region");
    expectProblem("/api/search?mode=fuzzy&q=x", 400, "mode");
    expectProblem("/api/search?priceMinFen=abc", 400, "priceMinFen");

    // A cursor of one search is refused by another instead of silently skipping items.
    for (var i = 0; i < 3; i++) {
      index.put(SearchTestIndex.achievement("马铃薯 " + i, tag));
    }
    var first = search(uri -> uri.queryParam("industry", tag).queryParam("size", 1));
    var cursor = (String) first.get("nextCursor");
    assertThat(cursor).isNotNull();
    expectProblem("/api/search?industry=other&size=1&cursor=" + cursor, 400, "cursor");
  }

  @Test
  @SuppressWarnings("unchecked")
  void matches_for_a_demand_come_with_breakdown_and_reasons() {
    var enterprise = as("enterprise");
    var organisation = ListingTestData.organisation(enterprise, as("admin"), "ENTERPRISE", true);
    var form = ListingTestData.demand(organisation);
    // A made-up variety name (random characters) ties this demand to its one fitting achievement.
    var variety = brand();
    form.put("title", variety + "马铃薯贮藏期腐烂损耗大");
    form.put("problem", "庄浪" + variety + "马铃薯窖藏三个月后腐烂率超过 10%，需要贮藏保鲜和病害防控技术。");
    form.put("expectedOutcome", "腐烂率降到 3% 以下。");
    form.put("technologyField", "AGRICULTURE");
    form.put("industryTags", List.of(tag));
    form.put("regionCode", "620825");
    var demand = enterprise.post().uri("/api/demands").contentType(MediaType.APPLICATION_JSON).bodyValue(form)
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

    // Earlier runs (of this test and of BrokerMatchQueueTest) left achievements with this very text
    // and another random variety: semantically clones of the fitting one. Without them the ranking
    // below compares the fitting achievement with the listings it means to, not with its own copies.
    index.deleteEarlierCopies("马铃薯贮藏保鲜与腐烂病害防控技术", tag);
    var fitting = SearchTestIndex.achievement(variety + "马铃薯贮藏保鲜与腐烂病害防控技术", tag);
    fitting.put("summary", "通风窖藏加生物防腐，贮藏期腐烂率低于 3%。");
    // Held by a verified organisation like the demo listings other tests bring into the index (e.g. 苹果…气调贮藏),
    // so the verified-holder boost cannot lift one of them, second by BM25, above it.
    fitting.put("organisationId", organisation.toString());
    var unrelated = SearchTestIndex.achievement("煤化工废水零排放", tag);
    unrelated.put("technologyField", "ENVIRONMENT");
    unrelated.put("summary", "华亭煤化工园区废水处理。");
    index.put(fitting);
    index.put(unrelated);

    Map<String, Object> body = http.get().uri("/api/demands/{id}/matches?mode=bm25&size=5", demand.get("id"))
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

    var items = items(body);
    assertThat(items).isNotEmpty();
    assertThat(items.getFirst().get("id")).isEqualTo(fitting.get("id"));
    assertThat(items).extracting(item -> item.get("type")).containsOnly("ACHIEVEMENT");
    @SuppressWarnings("unchecked")
    var reasons = (Map<String, Object>) items.getFirst().get("reasons");
    assertThat((List<?>) reasons.get("matchedTerms")).isNotEmpty();
    assertThat((List<Object>) reasons.get("matchedFields")).contains("title");
    assertThat((List<Object>) reasons.get("filtersMatched")).contains("technologyField", "region", "industry");
    @SuppressWarnings("unchecked")
    var breakdown = (Map<String, Object>) items.getFirst().get("breakdown");
    assertThat(breakdown.get("bm25Rank")).isEqualTo(1);
    assertThat(((Number) breakdown.get("final")).doubleValue()).isGreaterThan(((Number) breakdown.get("rrf")).doubleValue());
    // The unrelated one, if it is a candidate at all, ranks below and shares no technology field.
    items.stream().filter(item -> item.get("id").equals(unrelated.get("id"))).findFirst().ifPresent(item -> {
      @SuppressWarnings("unchecked")
      var why = (Map<String, Object>) item.get("reasons");
      assertThat((List<Object>) why.get("filtersMatched")).doesNotContain("technologyField");
    });

    // The default (hybrid) adds the semantic side to the reasons.
    Map<String, Object> hybrid = http.get().uri("/api/demands/{id}/matches?size=5", demand.get("id"))
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    // Other tests of the run post potato-storage listings too, and matching weighs meaning above words,
    // so one of them may come first: the fitting one must be near the top, ahead of the unrelated one.
    var hybridItems = items(hybrid);
    var hybridIds = hybridItems.stream().map(item -> item.get("id")).toList();
    assertThat(hybridIds.subList(0, Math.min(3, hybridIds.size()))).contains(fitting.get("id"));
    if (hybridIds.contains(unrelated.get("id"))) {
      assertThat(hybridIds.indexOf(fitting.get("id"))).isLessThan(hybridIds.indexOf(unrelated.get("id")));
    }
    var best = hybridItems.stream().filter(item -> item.get("id").equals(fitting.get("id"))).findFirst().orElseThrow();
    var semantic = (Map<String, Object>) best.get("reasons");
    assertThat(((Number) semantic.get("semanticSimilarity")).doubleValue()).isGreaterThan(0.5);
    assertThat(((Map<String, Object>) best.get("breakdown")).get("vectorRank")).isNotNull();

    // Anonymous callers see matches of a public demand, but not of one that does not exist.
    http.get().uri("/api/demands/{id}/matches?mode=bm25", demand.get("id")).exchange().expectStatus().isOk();
    http.get().uri("/api/demands/{id}/matches", UUID.randomUUID()).exchange().expectStatus().isNotFound();
    http.get().uri("/api/demands/{id}/matches?size=51", demand.get("id")).exchange().expectStatus().isEqualTo(422);
  }

  @Test
  @SuppressWarnings("unchecked")
  void matches_of_an_unpublished_achievement_are_only_for_its_holder() {
    var university = as("university");
    var organisation = ListingTestData.organisation(university, as("admin"), "UNIVERSITY", true);
    var demand = SearchTestIndex.demand("马铃薯脱毒种薯需求", "种薯退化严重，需要脱毒快繁技术。", tag);
    index.put(demand);
    var draft = university.post().uri("/api/achievements").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ListingTestData.achievement(organisation))
        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

    http.get().uri("/api/achievements/{id}/matches?mode=bm25", draft.get("id")).exchange().expectStatus().isNotFound();
    as("university2").get().uri("/api/achievements/{id}/matches?mode=bm25", draft.get("id")).exchange()
        .expectStatus().isNotFound();
    Map<String, Object> own = university.get().uri("/api/achievements/{id}/matches?mode=bm25", draft.get("id")).exchange()
        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    assertThat(items(own)).extracting(item -> item.get("type")).containsOnly("DEMAND");
    assertThat(items(own)).extracting(item -> item.get("id")).contains(demand.get("id"));
  }

  /** Four random CJK characters: a word no other listing in the shared index contains. */
  static String brand() {
    var random = java.util.concurrent.ThreadLocalRandom.current();
    var brand = new StringBuilder();
    for (var i = 0; i < 4; i++) {
      brand.appendCodePoint(random.nextInt(0x4E00, 0x9FA5));
    }
    return brand.toString();
  }

  private void expectProblem(String uri, int status, String field) {
    http.get().uri(uri).exchange().expectStatus().isEqualTo(status)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
  }

  private Map<String, Object> search(java.util.function.Function<UriBuilder, UriBuilder> query) {
    @SuppressWarnings("unchecked")
    Map<String, Object> body = http.get().uri(uri -> query.apply(uri.path("/api/search")).build())
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    return body;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> items(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("items");
  }

  static List<Object> ids(Map<String, Object> page) {
    return items(page).stream().map(item -> item.get("id")).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, List<Map<String, Object>>> facets(Map<String, Object> page) {
    return (Map<String, List<Map<String, Object>>>) page.get("facets");
  }
}
