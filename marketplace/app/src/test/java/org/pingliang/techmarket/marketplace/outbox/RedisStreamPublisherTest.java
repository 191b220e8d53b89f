package org.pingliang.techmarket.marketplace.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.events.EventEnvelope;
import org.pingliang.techmarket.events.EventStreams;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;

/**
 * The publish script on the real Redis: however many relays publish the same event at the same
 * time, the stream gets one entry — the guarantee the relay falls back on when its lock or its
 * database update fails it.
 */
class RedisStreamPublisherTest extends OutboxIntegrationTest {

  @Autowired
  RedisStreamPublisher publisher;

  @Test
  void the_same_event_published_concurrently_is_appended_once() {
    var group = consumerGroup();
    var event = pendingEvent(UUID.randomUUID());

    var publications = Flux.range(0, 16).flatMap(attempt -> publisher.publish(event), 16).collectList().block();

    assertThat(publications).filteredOn(Publication::appended).hasSize(1);
    var entryId = publications.stream().filter(Publication::appended).findFirst().orElseThrow().entryId();
    assertThat(publications).extracting(Publication::entryId).containsOnly(entryId);
    assertThat(group.deliveredFor(event.envelope().aggregateId())).containsExactly(event.envelope());
  }

  @Test
  void the_dedupe_key_lives_in_the_streams_cluster_slot_and_expires() {
    var event = pendingEvent(UUID.randomUUID());
    publisher.publish(event).block();

    var key = RedisStreamPublisher.dedupeKey(event);
    assertThat(key).startsWith("{" + EventStreams.LISTINGS + "}");
    assertThat(redis.getExpire(key).block()).isPositive();
  }

  private static PendingEvent pendingEvent(UUID aggregateId) {
    var envelope = new EventEnvelope(EventIds.next(), "DemandOpened", "Demand", aggregateId, 1,
        Instant.now().truncatedTo(ChronoUnit.MICROS), 1, "{\"title\":\"苹果分选设备\"}");
    return new PendingEvent(-1, EventStreams.LISTINGS, envelope, Instant.now());
  }
}
