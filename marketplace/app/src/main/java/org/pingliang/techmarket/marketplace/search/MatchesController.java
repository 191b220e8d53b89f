package org.pingliang.techmarket.marketplace.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.achievement.ManagingAchievements;
import org.pingliang.techmarket.marketplace.listing.demand.ManagingDemands;
import org.pingliang.techmarket.search.query.ListingHit;
import org.pingliang.techmarket.search.query.ListingMatcher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * 供需匹配: the achievements that can solve a demand and the demands an achievement can serve. Who
 * may ask is who may see the listing itself (its own visibility rules); the matches are visible listings.
 */
@RestController
@Tag(name = "matching", description = "供需匹配 — two-way matching with score breakdown and reasons")
class MatchesController {

  static final int DEFAULT_SIZE = 10;
  static final int MAX_SIZE = 50;

  private final ListingMatcher matcher;
  private final ManagingDemands demands;
  private final ManagingAchievements achievements;

  MatchesController(ListingMatcher matcher, ManagingDemands demands, ManagingAchievements achievements) {
    this.matcher = matcher;
    this.demands = demands;
    this.achievements = achievements;
  }

  /** The answer: best first. */
  record Matches(List<ListingHit> items) {}

  @GetMapping("/api/demands/{id}/matches")
  @Operation(summary = "The published achievements that best fit this demand, each with `breakdown` (BM25 and vector "
      + "ranks, reciprocal rank fusion, boosts, final) and `reasons` (matched terms and fields, semantic similarity, "
      + "shared technology field/region/industry). Visible to whoever may see the demand (public unless closed; "
      + "closed ones for the poster's members and ADMIN). Errors: 404, 422 (size 1..50, mode unavailable), 400 (mode), "
      + "503 with Retry-After.")
  Mono<Matches> forDemand(Actor actor, @PathVariable UUID id, @RequestParam(required = false) Integer size,
      @RequestParam(required = false) String mode) {
    return Mono.defer(() -> {
      var pageSize = size(size);
      var rankingMode = SearchParameters.mode(mode, matcher.defaultMode());
      return demands.view(actor, id).flatMap(demand -> {
        var content = demand.content();
        var query = new ListingMatcher.DemandQuery(demand.id().toString(), content.title(), content.problem(),
            content.expectedOutcome(), content.industryTags(),
            content.technologyField() == null ? null : content.technologyField().name(), content.regionCode());
        return matcher.matchAchievementsForDemand(query, rankingMode, pageSize);
      });
    }).map(Matches::new).onErrorMap(SearchProblems::translate);
  }

  @GetMapping("/api/achievements/{id}/matches")
  @Operation(summary = "The open demands this achievement can best serve, with `breakdown` and `reasons` as for demand "
      + "matches. Visible to whoever may see the achievement (public once published; otherwise the holder's members and "
      + "ADMIN). Errors: 404, 422 (size 1..50, mode unavailable), 400 (mode), 503 with Retry-After.")
  Mono<Matches> forAchievement(Actor actor, @PathVariable UUID id, @RequestParam(required = false) Integer size,
      @RequestParam(required = false) String mode) {
    return Mono.defer(() -> {
      var pageSize = size(size);
      var rankingMode = SearchParameters.mode(mode, matcher.defaultMode());
      return achievements.view(actor, id).flatMap(achievement -> {
        var content = achievement.content();
        var query = new ListingMatcher.AchievementQuery(achievement.id().toString(), content.title(), content.summary(),
            content.description(), content.industryTags(),
            content.technologyField() == null ? null : content.technologyField().name(), content.regionCode());
        return matcher.matchDemandsForAchievement(query, rankingMode, pageSize);
      });
    }).map(Matches::new).onErrorMap(SearchProblems::translate);
  }

  private static int size(Integer size) {
    if (size == null) {
      return DEFAULT_SIZE;
    }
    if (size < 1) {
      throw SearchProblems.invalid("size", "min");
    }
    if (size > MAX_SIZE) {
      throw SearchProblems.invalid("size", "max");
    }
    return size;
  }
}
