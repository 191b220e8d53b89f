package org.pingliang.techmarket.search.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.search.query.SearchSettings;

/** The fusion parameters are chosen on the tuning half only; the held-out half is never ranked. */
class FusionTuningTest {

  private final EvaluationSet set = EvaluationSet.load();

  @Test
  void the_split_is_odd_against_even_numbered_demands_two_disjoint_halves_of_the_whole_set() {
    var tuning = set.demands().stream().filter(MatchingReport::isTuning).map(EvaluationSet.Demand::id)
        .collect(Collectors.toSet());
    var heldOut = set.demands().stream().filter(d -> !MatchingReport.isTuning(d)).map(EvaluationSet.Demand::id)
        .collect(Collectors.toSet());
    assertThat(tuning).contains("d01", "d03").doesNotContain("d02", "d04").hasSizeGreaterThanOrEqualTo(20);
    assertThat(heldOut).contains("d02", "d48").doesNotContain("d01").hasSizeGreaterThanOrEqualTo(20);
    assertThat(tuning.size() + heldOut.size()).isEqualTo(set.demands().size());
  }

  @Test
  void tuning_ranks_only_tuning_demands_and_picks_the_best_candidate_there() {
    var asked = ConcurrentHashMap.<String>newKeySet();
    // A stand-in ranker: perfect (each demand's judged achievements, best first) only for k 20, BM25 weight 0.3.
    Function<SearchSettings, Ranker> rankers = settings -> (demand, mode, size) -> {
      asked.add(demand.id());
      assertThat(mode).isEqualTo("HYBRID");
      if (settings.matchFusion().equals(new SearchSettings.Fusion(20, 0.3, 1.0))) {
        return demand.judgements().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .map(Map.Entry::getKey).limit(size).toList();
      }
      return List.of("no-such-achievement");
    };
    var printed = new ByteArrayOutputStream();

    var best = FusionTuning.run(set, SearchSettings.defaults("eval"), rankers, Function.identity(),
        new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(best.k()).isEqualTo(20);
    assertThat(best.bm25Weight()).isEqualTo(0.3);
    assertThat(best.ndcg()).isEqualTo(1.0);
    Set<String> heldOut = set.demands().stream().filter(d -> !MatchingReport.isTuning(d)).map(EvaluationSet.Demand::id)
        .collect(Collectors.toSet());
    assertThat(asked).isNotEmpty().doesNotContainAnyElementsOf(heldOut);
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("chosen on the tuning half: k=20, bm25 weight 0.3");
  }

  @Test
  void equal_candidates_resolve_to_the_one_nearest_plain_rrf() {
    var chosen = FusionTuning.choose(List.of(
        new FusionTuning.Candidate(10, 0.2, 0.9, 0.3),
        new FusionTuning.Candidate(60, 0.8, 0.9, 0.3),
        new FusionTuning.Candidate(40, 0.5, 0.9, 0.3),
        new FusionTuning.Candidate(60, 1.0, 0.8, 0.4)));
    assertThat(chosen).isEqualTo(new FusionTuning.Candidate(60, 0.8, 0.9, 0.3));
    assertThat(List.of(chosen)).isSortedAccordingTo(Comparator.comparingDouble(FusionTuning.Candidate::ndcg));
  }
}
