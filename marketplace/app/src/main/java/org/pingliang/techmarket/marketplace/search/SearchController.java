package org.pingliang.techmarket.marketplace.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.pingliang.techmarket.search.query.ListingSearch;
import org.pingliang.techmarket.search.query.SearchFilters;
import org.pingliang.techmarket.search.query.SearchPage;
import org.pingliang.techmarket.search.query.SearchRequest;
import org.pingliang.techmarket.search.query.SearchSort;
import org.pingliang.techmarket.search.query.Suggestion;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** 一站式检索: full-text and semantic search over every visible listing, with facets and suggestions. */
@RestController
@Tag(name = "search", description = "检索 — search achievements, packages and demands; suggestions as you type")
class SearchController {

  static final int DEFAULT_SIZE = 20;

  private final ListingSearch search;

  SearchController(ListingSearch search) {
    this.search = search;
  }

  /** The answer of the suggestions endpoint. */
  record Suggestions(List<Suggestion> suggestions) {}

  @GetMapping("/api/search")
  @Operation(summary = "Search visible listings (public). Chinese text with synonyms (土豆 finds 马铃薯); filters are "
      + "repeatable or comma-separated; facets count under every other filter; highlights are HTML-escaped with only "
      + "<em> added; sort relevance|newest|price_asc|price_desc; mode hybrid|bm25|vector (relevance only; hybrid = "
      + "BM25 and kNN fused by reciprocal rank, k=60, then verified-holder and freshness boosts, every part in "
      + "`breakdown`); `nextCursor` pages on (field sorts without limit, relevance up to the rank window). "
      + "Errors: 400 (unreadable parameter, bad sort/mode/cursor), 422 (size above max, priceMinFen > priceMaxFen), "
      + "503 with Retry-After (search cluster unavailable).")
  Mono<SearchPage> search(
      @Parameter(description = "query text; empty browses newest first") @RequestParam(required = false) String q,
      @Parameter(description = "ACHIEVEMENT, DEMAND, PACKAGE") @RequestParam(required = false) List<String> type,
      @RequestParam(required = false) List<String> technologyField,
      @Parameter(description = "industry tag") @RequestParam(required = false) List<String> industry,
      @RequestParam(required = false) List<String> maturity,
      @Parameter(description = "GB/T 2260 code; one ending in 00 covers its subdivisions") @RequestParam(required = false) List<String> region,
      @RequestParam(required = false) Long priceMinFen,
      @RequestParam(required = false) Long priceMaxFen,
      @Parameter(description = "transfer mode of achievements or cooperation mode of demands") @RequestParam(required = false) List<String> transferMode,
      @RequestParam(required = false) List<String> status,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String mode,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) String cursor) {
    return Mono.defer(() -> {
      var filters = new SearchFilters(SearchParameters.kinds(type), SearchParameters.technologyFields(technologyField),
          SearchParameters.industries(industry), SearchParameters.maturities(maturity), SearchParameters.regions(region),
          priceMinFen, priceMaxFen, SearchParameters.transferModes(transferMode), SearchParameters.statuses(status));
      var request = new SearchRequest(SearchParameters.text(q), filters,
          sort == null || sort.isBlank() ? null : SearchSort.parse(sort.strip()),
          SearchParameters.mode(mode, search.defaultMode()), pageSize(size), cursor);
      return search.search(request);
    }).onErrorMap(SearchProblems::translate);
  }

  @GetMapping("/api/search/suggestions")
  @Operation(summary = "Titles of visible listings containing what was typed so far, as you type (public). "
      + "Errors: 422 (q blank or longer than 50, size outside 1..20), 503 with Retry-After.")
  Mono<Suggestions> suggestions(@RequestParam(required = false) String q,
      @Parameter(description = "ACHIEVEMENT, DEMAND, PACKAGE") @RequestParam(required = false) List<String> type,
      @RequestParam(required = false) Integer size) {
    return Mono.defer(() -> search.suggest(q, SearchParameters.kinds(type), size == null ? 8 : size))
        .map(Suggestions::new)
        .onErrorMap(SearchProblems::translate);
  }

  private int pageSize(Integer size) {
    if (size == null) {
      return DEFAULT_SIZE;
    }
    if (size < 1) {
      throw SearchProblems.invalid("size", "min");
    }
    if (size > search.settings().maxPageSize()) {
      throw SearchProblems.invalid("size", "max");
    }
    return size;
  }
}
