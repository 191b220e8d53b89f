package org.pingliang.techmarket.searchindexer.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.events.EventEnvelope;
import org.pingliang.techmarket.events.EventStreams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.Disposable;

/**
 * Entries delivered but never acknowledged (a crash between read and ack) are indexed in the end:
 * by the same consumer when it restarts, or by another one once they have been idle long enough.
 * Each test uses its own consumer group, so the application's consumer cannot take the entry first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PendingEntriesRepairTest {

  @Autowired
  ReactiveStringRedisTemplate redis;

  @Autowired
  ElasticsearchAsyncClient elasticsearch;

  @Autowired
  ElasticsearchListingIndex index;

  @Autowired
  IndexerProperties properties;

  @Autowired
  ListingEmbeddings embeddings;

  @Autowired
  ListingRebuild rebuild;

  @Autowired
  IndexerCommand command;

  private final String group = "repair-test-" + UUID.randomUUID();
  private Disposable restarted;

  @AfterEach
  void removeGroup() {
    if (restarted != null) {
      try {
        restarted.dispose();
      } catch (IllegalArgumentException tracingOnCancel) {
        // Lettuce's Micrometer tracing can throw when a blocked XREADGROUP is cancelled; the
        // consumer is stopped all the same.
      }
    }
    redis.opsForStream().destroyGroup(EventStreams.LISTINGS, group).block();
  }

  @Test
  void a_restarted_consumer_indexes_and_acknowledges_what_it_had_read_before_a_crash() {
    var id = deliverWithoutAcknowledging("crashed");

    start("crashed", Duration.ofHours(1));

    awaitIndexedAndAcknowledged(id);
  }

  @Test
  void a_consumer_takes_over_what_a_dead_consumer_left_unacknowledged() {
    var id = deliverWithoutAcknowledging("gone-for-good");

    // A short claim delay stands in for the minutes a real deployment waits.
    start("survivor", Duration.ofMillis(100));

    awaitIndexedAndAcknowledged(id);
  }

  /** Appends one event and delivers it to the named consumer, which never acknowledges it. */
  private UUID deliverWithoutAcknowledging(String consumerName) {
    // The group starts at the end of the stream: only the entry below is its business.
    redis.opsForStream().createGroup(EventStreams.LISTINGS, ReadOffset.latest(), group).block();
    var id = UUID.randomUUID();
    var payload = "{\"status\":\"OPEN\",\"title\":\"马铃薯淀粉废水处理\"}";
    var event = new EventEnvelope(UUID.randomUUID(), "DemandOpened", "Demand", id, 1, Instant.now(), 1, payload);
    redis.opsForStream().add(StreamRecords.newRecord().in(EventStreams.LISTINGS).ofMap(event.toStreamFields())).block();
    var delivered = redis.opsForStream()
        .read(Consumer.from(group, consumerName), StreamOffset.create(EventStreams.LISTINGS, ReadOffset.lastConsumed()))
        .collectList().block();
    assertThat(delivered).hasSize(1);
    return id;
  }

  private void start(String consumerName, Duration claimIdleAfter) {
    var defaults = this.properties;
    var properties = new IndexerProperties(true, group, consumerName, 10, Duration.ofMillis(200), 3,
        Duration.ofMillis(50), Duration.ofSeconds(1), claimIdleAfter, defaults.refreshWhenCaughtUp(), defaults.embedding(),
        defaults.reindex(),
        defaults.reconciliation(), defaults.marketplace());
    var consumer = new ListingEventConsumer(
        new RedisListingEvents(redis, properties, new ConsumerName(properties)), index,
        new IndexerMetrics(new SimpleMeterRegistry()), properties, embeddings, rebuild, command);
    restarted = consumer.consume().subscribe();
  }

  private void awaitIndexedAndAcknowledged(UUID id) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var document = elasticsearch.get(get -> get.index(index.alias()).id(id.toString()), Map.class).get();
      assertThat(document.found()).isTrue();
      assertThat(redis.opsForStream().pending(EventStreams.LISTINGS, group).block().getTotalPendingMessages())
          .isZero();
    });
  }
}
