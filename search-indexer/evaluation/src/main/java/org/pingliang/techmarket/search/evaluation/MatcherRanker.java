package org.pingliang.techmarket.search.evaluation;

import java.time.Duration;
import java.util.List;
import org.pingliang.techmarket.search.query.ListingHit;
import org.pingliang.techmarket.search.query.ListingMatcher;
import org.pingliang.techmarket.search.query.RankingMode;

/** The search library's {@link ListingMatcher}: demand to achievements, in the mode asked for. */
final class MatcherRanker implements Ranker {

  private final ListingMatcher matcher;

  MatcherRanker(ListingMatcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public List<String> rank(EvaluationSet.Demand demand, String mode, int size) {
    // No id: the demand is not in the index, so nothing is excluded as "itself".
    var query = new ListingMatcher.DemandQuery(null, demand.title(), demand.problem(), demand.expectedOutcome(),
        demand.industryTags(), demand.technologyField(), demand.regionCode());
    var hits = matcher.matchAchievementsForDemand(query, RankingMode.valueOf(mode), size).block(Duration.ofMinutes(1));
    return hits == null ? List.of() : hits.stream().map(ListingHit::id).toList();
  }
}
