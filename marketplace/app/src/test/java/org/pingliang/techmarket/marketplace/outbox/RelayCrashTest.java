package org.pingliang.techmarket.marketplace.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.events.EventEnvelope;
import reactor.core.publisher.Mono;

/**
 * A relay that dies in either window of a publish — after the event's commit but before its
 * publish, or after the publish but before the row is marked — still gets every event to the
 * consumers exactly once, once a relay runs again.
 *
 * <p>How the crash is staged, and why it is honest: the app's own relay is stopped (an instance
 * shutting down), and a second relay runs as another app instance would — its own PostgreSQL pool and
 * Redis connection ({@link RelayInstance}). A fault hook in front of its publisher holds it at the
 * chosen point of its batch, with its transaction open and the relay lock held. The test then kills
 * it the way a process death does: PostgreSQL terminates the session holding the relay lock (so the
 * open transaction is aborted and the lock freed, as when a dead process's connection drops), and
 * the instance is discarded without any further step of its batch running. Restarting the app's
 * relay is the restart. (The killed instance's rollback then fails on its terminated session, which
 * Reactor logs as "Async resource cleanup failed after cancel": expected here.)
 */
class RelayCrashTest extends OutboxIntegrationTest {

  private final AtomicBoolean heldAtCrashPoint = new AtomicBoolean();

  @BeforeEach
  void only_a_relay_we_control_runs() throws InterruptedException {
    awaitEmptyBacklog();
    stopAppRelay();
  }

  @Test
  void a_relay_killed_between_the_commit_and_the_publish_delivers_the_event_once_after_restart() {
    var group = consumerGroup();
    var id = UUID.randomUUID();
    commit(achievementUpdated(id, 1));
    var crashing = relayInstance(publisher -> event -> {
      if (!event.envelope().aggregateId().equals(id)) {
        return publisher.publish(event);
      }
      heldAtCrashPoint.set(true);
      return Mono.never();
    });

    await().atMost(PATIENCE).untilTrue(heldAtCrashPoint);
    kill(crashing);

    assertThat(group.deliveredFor(id)).as("nothing reached the stream before the crash").isEmpty();
    assertThat(rows(id)).singleElement().satisfies(row -> assertThat(row.published()).isFalse());

    appRelay.start();

    await().atMost(PATIENCE).until(() -> rows(id).getFirst().published());
    // A published row is never read again, so no later run can add a second entry.
    assertThat(group.deliveredFor(id)).extracting(EventEnvelope::aggregateVersion).containsExactly(1L);
  }

  @Test
  void a_relay_killed_between_the_publish_and_marking_the_row_delivers_the_event_once_after_restart() {
    var group = consumerGroup();
    var id = UUID.randomUUID();
    commit(achievementUpdated(id, 1), achievementUpdated(id, 2));
    var duplicatesBefore = appCounter(OutboxMetrics.DUPLICATES_SUPPRESSED);
    var crashing = relayInstance(publisher -> event -> publisher.publish(event).flatMap(publication -> {
      if (!event.envelope().aggregateId().equals(id) || event.envelope().aggregateVersion() != 2) {
        return Mono.just(publication);
      }
      heldAtCrashPoint.set(true);
      return Mono.never();
    }));

    await().atMost(PATIENCE).untilTrue(heldAtCrashPoint);
    kill(crashing);

    assertThat(group.deliveredFor(id)).as("both were appended before the crash")
        .extracting(EventEnvelope::aggregateVersion).containsExactly(1L, 2L);
    assertThat(rows(id)).as("but the crash undid marking them").noneMatch(OutboxRow::published);

    appRelay.start();

    await().atMost(PATIENCE).until(() -> rows(id).stream().allMatch(OutboxRow::published));
    assertThat(group.deliveredFor(id)).extracting(EventEnvelope::aggregateVersion).containsExactly(1L, 2L);
    assertThat(appCounter(OutboxMetrics.DUPLICATES_SUPPRESSED)).isEqualTo(duplicatesBefore + 2);
  }

  @Test
  void a_relay_frozen_while_holding_the_lock_loses_it_and_the_events_still_go_out_once() {
    var group = consumerGroup();
    var id = UUID.randomUUID();
    commit(achievementUpdated(id, 1));
    // Publishes give up after 200 ms, so a batch of 7 may idle 1.4 s + 5 s before PostgreSQL ends the session.
    relayInstance(Duration.ofMillis(200), publisher -> event -> {
      if (!event.envelope().aggregateId().equals(id)) {
        return publisher.publish(event);
      }
      heldAtCrashPoint.set(true);
      return Mono.never();
    });
    await().atMost(PATIENCE).untilTrue(heldAtCrashPoint);

    appRelay.start();

    await().atMost(PATIENCE).until(() -> rows(id).getFirst().published());
    assertThat(group.deliveredFor(id)).extracting(EventEnvelope::aggregateVersion).containsExactly(1L);
  }

  /** Ends the relay's database session, as its process dying would, then drops the instance. */
  private void kill(RelayInstance relay) {
    var terminated = database.sql("""
            SELECT count(pg_terminate_backend(pid)) AS terminated
            FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 1
              AND ((classid::bigint << 32) | objid::bigint) = :key""")
        .bind("key", OutboxEvents.RELAY_LOCK)
        .map(row -> row.get("terminated", Long.class))
        .one().block();
    assertThat(terminated).as("the crashing relay held the relay lock").isEqualTo(1);
    relay.close();
  }
}
