package org.pingliang.techmarket.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic behind the bench-deals table: counts, errors, percentiles, medians over rounds. */
class DealReportTest {

  @Test
  void percentiles_are_nearest_rank_and_include_failed_requests() {
    var round = new DealRound(1);
    for (var ms = 1; ms <= 100; ms++) {
      round.request(DealStep.OFFER, ms, ms != 100, ms == 100 ? "409 conflict" : null);
    }
    assertThat(round.percentile(DealStep.OFFER, 50)).isEqualTo(50.0);
    assertThat(round.percentile(DealStep.OFFER, 99)).isEqualTo(99.0);
    assertThat(round.count(DealStep.OFFER)).isEqualTo(100);
    assertThat(round.errors(DealStep.OFFER)).isEqualTo(1);
    assertThat(round.firstErrors()).containsExactly("offer: 409 conflict");
    assertThat(round.percentile(DealStep.REGISTRATION, 99)).isNaN();
  }

  @Test
  void the_table_sums_counts_and_takes_medians_of_rounds() {
    var rounds = List.of(round(10, 2.0, 10), round(10, 4.0, 30), round(8, 2.0, 20));
    assertThat(rounds.get(0).throughput()).isEqualTo(5.0);
    // 5, 2.5 and 4 deals/s: the median is 4.
    assertThat(DealReport.median(rounds, DealRound::throughput)).isEqualTo(4.0);

    var table = DealReport.table(rounds, 16, 2, 28, 30);
    assertThat(table).contains("concurrency 16, 3 round(s) x 10 deals");
    assertThat(table).containsPattern("full deal \\(inquiry -> registration\\)\\s+4\\.00 deals/s");
    // Every step was sent once per deal: 10 + 10 + 10 requests, none failed; p50 is the median of 10, 30, 20.
    assertThat(table).containsPattern("registration\\s+admin\\s+30\\s+0\\s+20\\.0\\s+20\\.0");
    assertThat(table).containsPattern("all steps\\s+330\\s+0");
    assertThat(table).contains("deals ended REGISTERED (GET /api/contracts/{id}): 28 of 30 started  <-- NOT ALL");
    assertThat(DealReport.table(rounds, 16, 2, 30, 30)).doesNotContain("NOT ALL");
  }

  /** A round of which {@code completed} deals finished in {@code seconds}, every request taking {@code ms}. */
  private static DealRound round(int completed, double seconds, double ms) {
    var round = new DealRound(10);
    for (var i = 0; i < 10; i++) {
      for (var step : DealStep.values()) {
        round.request(step, ms, true, null);
      }
    }
    for (var i = 0; i < completed; i++) {
      round.completed(ms * DealStep.values().length);
    }
    round.finished(seconds);
    return round;
  }
}
