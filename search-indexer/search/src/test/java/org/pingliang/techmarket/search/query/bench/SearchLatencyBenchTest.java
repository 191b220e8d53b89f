package org.pingliang.techmarket.search.query.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SearchLatencyBenchTest {

  @Test
  void closed_loop_measures_latency_and_throughput_per_concurrency() throws Exception {
    var delayed = CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS);
    var row = SearchLatencyBench.measure("fake", query -> CompletableFuture.supplyAsync(() -> query, delayed), 4,
        Duration.ofMillis(500));

    assertThat(row.requests()).isBetween(100L, 420L);
    assertThat(row.errors()).isZero();
    assertThat(row.p50Millis()).isBetween(4.5, 60.0);
    assertThat(row.p99Millis()).isGreaterThanOrEqualTo(row.p50Millis());
    assertThat(row.throughputPerSecond()).isBetween(200.0, 840.0);
  }

  @Test
  void the_table_shows_the_api_p50_as_a_multiple_of_the_cluster() {
    var table = SearchLatencyBench.table(List.of(
        new SearchLatencyBench.Row("api", 16, 1000, 0, 6.0, 20.0, 500.0),
        new SearchLatencyBench.Row("elasticsearch", 16, 1200, 0, 5.0, 15.0, 600.0)));
    assertThat(table).contains("p50 ratio").contains("1.20x");
  }
}
