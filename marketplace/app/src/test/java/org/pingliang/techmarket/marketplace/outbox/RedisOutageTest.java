package org.pingliang.techmarket.marketplace.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.events.EventEnvelope;

/**
 * The real Redis of this worktree goes away while listings change: the events wait in PostgreSQL,
 * the relay keeps trying slowly, and when Redis is back they arrive by themselves, in order, once.
 * Redis is always started again afterwards, and the test waits until the shared app context's Redis
 * connection works again, so later test classes find it healthy.
 */
class RedisOutageTest extends OutboxIntegrationTest {

  private static final Duration RECOVERY = Duration.ofSeconds(90);

  @BeforeEach
  void this_run_owns_its_redis() {
    Assumptions.assumeFalse(DevServicesControl.external(), "the dev services belong to someone else");
    awaitEmptyBacklog();
  }

  @AfterEach
  void redis_is_back_for_everyone_else() {
    DevServicesControl.startRedis();
    await().atMost(RECOVERY).ignoreExceptions()
        .until(() -> "PONG".equals(redis.execute(connection -> connection.ping()).blockFirst(Duration.ofSeconds(2))));
  }

  @Test
  void events_appended_during_an_outage_wait_and_then_arrive_in_order_exactly_once() {
    var group = consumerGroup();
    var id = UUID.randomUUID();
    var failuresBefore = appCounter(OutboxMetrics.FAILURES);

    DevServicesControl.stopRedis();
    try {
      LongStream.rangeClosed(1, 5).forEach(version -> commit(achievementUpdated(id, version)));

      await().atMost(PATIENCE).until(() -> rows(id).getFirst().attempts() >= 2);
      var waiting = rows(id);
      assertThat(waiting).hasSize(5).noneMatch(OutboxRow::published);
      assertThat(waiting.getFirst().lastError()).isNotBlank();
      assertThat(waiting.subList(1, 5)).as("nothing overtakes the first version")
          .allSatisfy(row -> assertThat(row.attempts()).isZero());
      assertThat(appCounter(OutboxMetrics.FAILURES)).isGreaterThan(failuresBefore);
      await().atMost(PATIENCE)
          .until(() -> meters.find(OutboxMetrics.BACKLOG).gauge().value() >= 5
              && meters.find(OutboxMetrics.OLDEST_AGE).gauge().value() > 0);
    } finally {
      DevServicesControl.startRedis();
    }

    await().atMost(RECOVERY).until(() -> rows(id).stream().allMatch(OutboxRow::published));
    assertThat(group.deliveredFor(id)).extracting(EventEnvelope::aggregateVersion)
        .containsExactly(1L, 2L, 3L, 4L, 5L);
  }
}
