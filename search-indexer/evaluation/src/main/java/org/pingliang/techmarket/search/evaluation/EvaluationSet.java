package org.pingliang.techmarket.search.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled matching set: a pool of achievements (科技成果) and the demands (技术需求) whose
 * candidates a domain expert graded (see README.md of this module for the rules). Achievements a
 * demand has no grade for count as irrelevant (grade 0).
 */
public record EvaluationSet(List<Achievement> achievements, List<Demand> demands) {

  /** The set shipped in this module's resources. */
  public static EvaluationSet load() {
    return new EvaluationSet(
        read("/evaluation/achievements.json", new TypeReference<List<Achievement>>() {}),
        read("/evaluation/demands.json", new TypeReference<List<Demand>>() {}));
  }

  public EvaluationSet {
    achievements = List.copyOf(achievements);
    demands = List.copyOf(demands);
  }

  /** One achievement of the pool, with the fields the index holds for it. */
  public record Achievement(String id, String title, String summary, String description, String technologyField,
      List<String> industryTags, String maturity) {}

  /**
   * One demand and its graded candidates.
   *
   * @param caseKind what the demand is there to test: plain, synonym, distractor or exact-term
   * @param judgements achievement id to grade: 0 irrelevant, 1 partly, 2 relevant, 3 solves it
   */
  public record Demand(String id, String caseKind, String title, String problem, String expectedOutcome,
      String technologyField, List<String> industryTags, String regionCode, Map<String, Integer> judgements) {

    public Demand {
      judgements = judgements == null ? Map.of() : new LinkedHashMap<>(judgements);
    }

    /** The grade of an achievement for this demand; ungraded ones are 0. */
    public int grade(String achievementId) {
      return judgements.getOrDefault(achievementId, 0);
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private static <T> T read(String resource, TypeReference<T> type) {
    try (InputStream in = EvaluationSet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      var text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      // The data files call the demand's kind "case" (a Java keyword); the record calls it caseKind.
      return JSON.readValue(text.replace("\"case\":", "\"caseKind\":"), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
