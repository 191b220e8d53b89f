package org.pingliang.techmarket.marketplace.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private long now;
  private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5), () -> now);

  @Test
  void without_failures_the_relay_runs_at_once() {
    assertThat(backoff.ready()).isTrue();
  }

  @Test
  void each_failure_doubles_the_wait_up_to_the_ceiling() {
    assertThat(waitAfterFailure()).isEqualTo(Duration.ofMillis(500));
    assertThat(waitAfterFailure()).isEqualTo(Duration.ofSeconds(1));
    assertThat(waitAfterFailure()).isEqualTo(Duration.ofSeconds(2));
    assertThat(waitAfterFailure()).isEqualTo(Duration.ofSeconds(4));
    assertThat(waitAfterFailure()).isEqualTo(Duration.ofSeconds(5));
    for (int i = 0; i < 100; i++) {
      backoff.failed();
    }
    assertThat(waitAfterFailure()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void a_success_ends_the_backoff_and_says_how_many_failures_it_ended() {
    backoff.failed();
    backoff.failed();

    assertThat(backoff.succeeded()).isEqualTo(2);
    assertThat(backoff.ready()).isTrue();
    assertThat(backoff.succeeded()).isZero();
  }

  /** Fails once and measures how long the relay then waits, in 100 ms steps. */
  private Duration waitAfterFailure() {
    backoff.failed();
    var waited = Duration.ZERO;
    while (!backoff.ready()) {
      now += Duration.ofMillis(100).toNanos();
      waited = waited.plusMillis(100);
    }
    return waited;
  }
}
