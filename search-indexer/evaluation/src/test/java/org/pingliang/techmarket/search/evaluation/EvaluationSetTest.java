package org.pingliang.techmarket.search.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The labelled set is complete and consistent: what the evaluation's numbers rest on. */
class EvaluationSetTest {

  private final EvaluationSet set = EvaluationSet.load();

  @Test
  void hasTheAgreedSize() {
    assertThat(set.demands()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(set.achievements()).hasSizeBetween(150, 250);
  }

  @Test
  void idsAreUniqueAndEveryJudgementNamesAnAchievementOfThePool() {
    var ids = set.achievements().stream().map(EvaluationSet.Achievement::id).collect(Collectors.toSet());
    assertThat(ids).hasSize(set.achievements().size());
    assertThat(set.demands().stream().map(EvaluationSet.Demand::id).collect(Collectors.toSet()))
        .hasSize(set.demands().size());
    for (var demand : set.demands()) {
      assertThat(ids).as(demand.id()).containsAll(demand.judgements().keySet());
    }
  }

  @Test
  void gradesAreInRangeAndEveryDemandHasSomethingRelevantAndSomethingJudgedIrrelevant() {
    for (var demand : set.demands()) {
      assertThat(demand.judgements().values()).as(demand.id()).allMatch(g -> g >= 0 && g <= 3);
      assertThat(demand.judgements().values()).as(demand.id()).anyMatch(g -> g >= RankingMetrics.RELEVANT);
      assertThat(demand.judgements().values()).as(demand.id() + " has an explicit distractor").contains(0);
      assertThat(demand.grade("no-such-achievement")).isZero();
    }
  }

  @Test
  void textsAreFilledAndEveryCaseKindIsRepresented() {
    for (var a : set.achievements()) {
      assertThat(a.title()).as(a.id()).isNotBlank();
      assertThat(a.summary()).as(a.id()).isNotBlank();
      assertThat(a.description()).as(a.id()).isNotBlank();
      assertThat(a.industryTags()).as(a.id()).isNotEmpty();
    }
    Set<String> kinds = new HashSet<>();
    for (var d : set.demands()) {
      assertThat(d.title()).as(d.id()).isNotBlank();
      assertThat(d.problem()).as(d.id()).isNotBlank();
      kinds.add(d.caseKind());
    }
    assertThat(kinds).containsExactlyInAnyOrder("plain", "synonym", "distractor", "exact-term");
  }
}
