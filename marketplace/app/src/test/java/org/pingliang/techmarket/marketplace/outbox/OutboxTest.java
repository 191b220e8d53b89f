package org.pingliang.techmarket.marketplace.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.events.EventEnvelope;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** Appending joins the caller's transaction: committed events reach the stream once, rolled back ones never. */
class OutboxTest extends OutboxIntegrationTest {

  private static final Instant OCCURRED = Instant.parse("2026-11-26T08:00:00.123456Z");

  @Test
  void an_event_committed_with_its_change_reaches_the_stream_once_as_an_envelope() {
    var group = consumerGroup();
    var id = UUID.randomUUID();

    commit(new OutboxMessage("AchievementPackage", id, 3, "AchievementPackagePublished",
        Map.of("title", "高原夏菜节水灌溉成果包", "achievements", List.of("A-1", "A-2")), OCCURRED));

    await().atMost(PATIENCE).until(() -> rows(id).getFirst().published());
    var row = rows(id).getFirst();
    var entries = group.rawDeliveredFor(id);
    assertThat(entries).hasSize(1);
    var expected = new EventEnvelope(row.eventId(), "AchievementPackagePublished", "AchievementPackage", id, 3,
        OCCURRED, 1, entries.getFirst().get("payload"));
    assertThat(entries.getFirst()).containsExactlyEntriesOf(expected.toStreamFields());
    assertThat(JsonMapper.shared().readTree(expected.payload()))
        .isEqualTo(JsonMapper.shared().readTree("{\"title\":\"高原夏菜节水灌溉成果包\",\"achievements\":[\"A-1\",\"A-2\"]}"));
    assertThat(row.eventId().version()).as("time-ordered event id").isEqualTo(7);
    assertThat(row.attempts()).isEqualTo(1);
  }

  @Test
  void an_event_whose_transaction_rolls_back_is_neither_stored_nor_published() {
    var group = consumerGroup();
    var rolledBack = UUID.randomUUID();
    var later = UUID.randomUUID();

    var failing = outbox.append(achievementUpdated(rolledBack, 1))
        .then(Mono.error(new IllegalStateException("the listing's own update failed after the append")))
        .as(transactions()::transactional);
    assertThatThrownBy(failing::block).hasMessageContaining("listing's own update failed");
    commit(achievementUpdated(later, 1));

    // The relay publishes in commit order, so once the later event is out, the first had its chance.
    await().atMost(PATIENCE).until(() -> group.deliveredFor(later).size() == 1);
    assertThat(rows(rolledBack)).isEmpty();
    assertThat(group.deliveredFor(rolledBack)).isEmpty();
  }

  @Test
  void appending_outside_a_transaction_is_refused() {
    var id = UUID.randomUUID();

    StepVerifier.create(outbox.append(achievementUpdated(id, 1)))
        .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("inside the caller's transaction"))
        .verify();
    assertThat(rows(id)).isEmpty();
  }

  @Test
  void an_unknown_aggregate_type_fails_the_transaction() {
    var id = UUID.randomUUID();

    var appending = outbox.append(new OutboxMessage("Achievment", id, 1, "AchievmentPublished", Map.of()))
        .as(transactions()::transactional);

    assertThatThrownBy(appending::block).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Achievment");
    assertThat(rows(id)).isEmpty();
  }

  @Test
  void a_second_event_for_the_same_version_fails_its_transaction() {
    var id = UUID.randomUUID();
    commit(achievementUpdated(id, 1));

    assertThatThrownBy(() -> commit(new OutboxMessage("Achievement", id, 1, "AchievementPublished", Map.of())))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(rows(id)).extracting(OutboxRow::type).containsExactly("AchievementUpdated");
  }

  @Test
  void committed_events_reach_the_stream_well_under_a_second_later() {
    var group = consumerGroup();
    var latencies = new ArrayList<Duration>();

    for (int version = 1; version <= 20; version++) {
      var id = UUID.randomUUID();
      commit(achievementUpdated(id, version));
      var committed = System.nanoTime();
      await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(2))
          .until(() -> !group.deliveredFor(id).isEmpty());
      latencies.add(Duration.ofNanos(System.nanoTime() - committed));
    }

    var sorted = latencies.stream().sorted().toList();
    System.out.printf("outbox commit→stream latency over %d events: median %d ms, max %d ms%n", sorted.size(),
        sorted.get(sorted.size() / 2).toMillis(), sorted.getLast().toMillis());
    assertThat(sorted.get(sorted.size() / 2)).isLessThan(Duration.ofMillis(250));
    assertThat(sorted.getLast()).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void publishing_shows_in_the_prometheus_metrics() {
    var publishedBefore = appCounter(OutboxMetrics.PUBLISHED);
    var id = UUID.randomUUID();

    commit(achievementUpdated(id, 1), achievementUpdated(id, 2));

    await().atMost(PATIENCE).until(() -> appCounter(OutboxMetrics.PUBLISHED) >= publishedBefore + 2);
    var scraped = as("admin").get().uri("/actuator/prometheus").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(scraped).contains(
        "techmarket_outbox_published_total{stream=\"techmarket:events:listings\"}",
        "techmarket_outbox_lag_seconds_count",
        "techmarket_outbox_backlog ",
        "techmarket_outbox_oldest_unpublished_age_seconds ");
  }
}
