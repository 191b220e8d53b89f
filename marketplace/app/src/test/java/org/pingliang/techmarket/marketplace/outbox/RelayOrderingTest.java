package org.pingliang.techmarket.marketplace.outbox;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.events.EventEnvelope;
import reactor.core.publisher.Flux;

/**
 * Under concurrent load — many listings changing at once, each in its own transactions — every
 * version reaches the stream exactly once and each listing's versions arrive in order, with one relay
 * and with two relay instances competing.
 */
class RelayOrderingTest extends OutboxIntegrationTest {

  private static final int AGGREGATES = 40;
  private static final int VERSIONS = 6;

  @Test
  void many_listings_changing_concurrently_arrive_once_each_in_version_order() {
    var group = consumerGroup();

    var ids = changeConcurrently();

    assertExactlyOnceInOrder(group, ids);
  }

  @Test
  void two_relay_instances_running_at_once_never_publish_an_event_twice() throws InterruptedException {
    awaitEmptyBacklog();
    stopAppRelay();
    var group = consumerGroup();
    var first = relayInstance(UnaryOperator.identity());
    var second = relayInstance(UnaryOperator.identity());

    var ids = changeConcurrently();

    assertExactlyOnceInOrder(group, ids);
    System.out.printf("two relays: first appended %d, second %d events%n", first.appended(), second.appended());
    assertThat(first.appended() + second.appended()).as("no event appended by both").isEqualTo(AGGREGATES * VERSIONS);
  }

  /** Each listing's versions are committed one after another (as its version check forces), listings in parallel. */
  private Set<UUID> changeConcurrently() {
    var ids = IntStream.range(0, AGGREGATES).mapToObj(i -> UUID.randomUUID()).collect(Collectors.toSet());
    Flux.fromIterable(ids)
        .flatMap(id -> Flux.fromStream(LongStream.rangeClosed(1, VERSIONS).boxed())
            .concatMap(version -> outbox.append(achievementUpdated(id, version)).as(transactions()::transactional)), 8)
        .then()
        .block(Duration.ofMinutes(1));
    return ids;
  }

  private void assertExactlyOnceInOrder(TestConsumerGroup group, Set<UUID> ids) {
    await().atMost(PATIENCE).until(() -> ours(group, ids).size() >= AGGREGATES * VERSIONS);
    var delivered = ours(group, ids);

    Map<List<Object>, Long> perVersion = delivered.stream()
        .collect(groupingBy(event -> List.of(event.aggregateId(), event.aggregateVersion()), counting()));
    assertThat(perVersion).hasSize(AGGREGATES * VERSIONS).allSatisfy((key, count) -> assertThat(count).isOne());

    var inStreamOrder = delivered.stream()
        .collect(groupingBy(EventEnvelope::aggregateId, mapping(EventEnvelope::aggregateVersion, toList())));
    var expected = LongStream.rangeClosed(1, VERSIONS).boxed().toList();
    assertThat(inStreamOrder).hasSize(AGGREGATES).allSatisfy((id, versions) -> assertThat(versions).isEqualTo(expected));
  }

  private static List<EventEnvelope> ours(TestConsumerGroup group, Set<UUID> ids) {
    return group.deliveredEvents().stream().filter(event -> ids.contains(event.aggregateId())).toList();
  }
}
