package org.pingliang.techmarket.marketplace.outbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxPropertiesTest {

  @Test
  void an_empty_batch_is_refused_at_start_up() {
    assertThatThrownBy(() -> new OutboxProperties(true, Duration.ofMillis(500), 0, Duration.ofDays(7),
        Duration.ofSeconds(5), Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch-size");
  }

  @Test
  void a_dedupe_ttl_below_a_second_is_refused_as_redis_counts_in_seconds() {
    assertThatThrownBy(() -> new OutboxProperties(true, Duration.ofMillis(500), 100, Duration.ofMillis(900),
        Duration.ofSeconds(5), Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dedupe-ttl");
  }

  @Test
  void a_zero_poll_interval_is_refused() {
    assertThatThrownBy(() -> new OutboxProperties(true, Duration.ZERO, 100, Duration.ofDays(7),
        Duration.ofSeconds(5), Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poll-interval");
  }
}
