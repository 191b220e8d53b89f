package org.pingliang.techmarket.search.query;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pingliang.techmarket.search.embedding.ListingEmbeddingText;
import reactor.core.publisher.Mono;

/**
 * Two-way matching: the achievements that can solve a demand, the demands an achievement can
 * serve. Each result carries its {@link ScoreBreakdown} and {@link MatchReasons}. The ranking mode
 * is the caller's choice, so the three can be compared on the same labelled set.
 */
public final class ListingMatcher {

  private final ListingSearch search;
  private final QueryEmbedder embedder;

  /** @param embedder null when no embedding model is available (then only BM25 works) */
  public ListingMatcher(ListingSearch search, QueryEmbedder embedder) {
    this.search = search;
    this.embedder = embedder;
  }

  /** A demand to find achievements for; {@code id} (may be null) is never matched with itself. */
  public record DemandQuery(String id, String title, String problem, String expectedOutcome,
      List<String> industryTags, String technologyField, String regionCode) {

    /** The words the demand is matched on. */
    public String text() {
      return join(title, problem, expectedOutcome, industryTags);
    }

    /** The text its vector is computed from, as the indexer does for demands. */
    public String embeddingText() {
      return ListingEmbeddingText.of(title, problem, expectedOutcome, industryTags);
    }
  }

  /** An achievement to find demands for. */
  public record AchievementQuery(String id, String title, String summary, String description,
      List<String> industryTags, String technologyField, String regionCode) {

    public String text() {
      return join(title, summary, description, industryTags);
    }

    /** The text its vector is computed from, exactly as the indexer embeds achievements. */
    public String embeddingText() {
      return ListingEmbeddingText.of(title, summary, description, industryTags);
    }
  }

  /** The best achievements for a demand; the demand reads as a question (bge query instruction). */
  public Mono<List<ListingHit>> matchAchievementsForDemand(DemandQuery demand, RankingMode mode, int size) {
    var text = demand.text();
    return search.match(new ListingSearch.MatchInput(demand.id(), text, vector(demand.embeddingText(), true), ListingKind.ACHIEVEMENT,
        demand.technologyField(), demand.regionCode(), demand.industryTags()), mode, size);
  }

  /** The best demands for an achievement; the achievement reads as a passage, like the index. */
  public Mono<List<ListingHit>> matchDemandsForAchievement(AchievementQuery achievement, RankingMode mode, int size) {
    var text = achievement.text();
    return search.match(new ListingSearch.MatchInput(achievement.id(), text, vector(achievement.embeddingText(), false), ListingKind.DEMAND,
        achievement.technologyField(), achievement.regionCode(), achievement.industryTags()), mode, size);
  }

  public boolean vectorsAvailable() {
    return embedder != null;
  }

  public RankingMode defaultMode() {
    return search.defaultMode();
  }

  private Mono<float[]> vector(String text, boolean asQuery) {
    if (embedder == null) {
      return Mono.error(new InvalidSearchException("mode", "unavailable"));
    }
    return Mono.defer(() -> asQuery ? embedder.embedQuery(text) : embedder.embedPassage(text));
  }

  private static String join(String a, String b, String c, List<String> tags) {
    var tagText = tags == null ? null : String.join(" ", tags);
    return Stream.of(a, b, c, tagText).filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
