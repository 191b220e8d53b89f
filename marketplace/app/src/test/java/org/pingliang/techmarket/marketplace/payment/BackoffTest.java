package org.pingliang.techmarket.marketplace.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doubles_from_the_first_wait_up_to_the_ceiling() {
    var backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
    assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(backoff.after(9)).isEqualTo(Duration.ofSeconds(256));
    assertThat(backoff.after(10)).isEqualTo(Duration.ofMinutes(5));
    assertThat(backoff.after(10_000)).isEqualTo(Duration.ofMinutes(5));
  }
}
