package org.pingliang.techmarket.marketplace.outbox;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * Base of the outbox tests on the real PostgreSQL and Redis, in the shared app context. Each test
 * uses aggregate ids of its own and reads the stream through a consumer group it creates, so other
 * tests' events never count.
 */
abstract class OutboxIntegrationTest extends ApiTest {

  static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired
  Outbox outbox;
  @Autowired
  DatabaseClient database;
  @Autowired
  ReactiveStringRedisTemplate redis;
  @Autowired
  ReactiveTransactionManager transactionManager;
  @Autowired
  OutboxRelay appRelay;
  @Autowired
  MeterRegistry meters;
  @Autowired
  Environment environment;

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void close_what_the_test_opened_and_keep_the_app_relay_running() throws Exception {
    for (var closeable : toClose.reversed()) {
      closeable.close();
    }
    toClose.clear();
    appRelay.start();
  }

  static OutboxMessage achievementUpdated(UUID id, long version) {
    return new OutboxMessage("Achievement", id, version, "AchievementUpdated",
        Map.of("title", "马铃薯脱毒种薯繁育技术", "revision", version));
  }

  TransactionalOperator transactions() {
    return TransactionalOperator.create(transactionManager);
  }

  /** Appends the messages in one committed transaction, as a listing service would. */
  void commit(OutboxMessage... messages) {
    Flux.fromArray(messages).concatMap(outbox::append).then().as(transactions()::transactional).block();
  }

  TestConsumerGroup consumerGroup() {
    var group = TestConsumerGroup.create(redis);
    toClose.add(group);
    return group;
  }

  RelayInstance relayInstance(UnaryOperator<StreamPublisher> fault) {
    return relayInstance(Duration.ofSeconds(2), fault);
  }

  RelayInstance relayInstance(Duration publishTimeout, UnaryOperator<StreamPublisher> fault) {
    var instance = RelayInstance.start(environment, publishTimeout, fault);
    toClose.add(instance);
    return instance;
  }

  List<OutboxRow> rows(UUID aggregateId) {
    return database.sql("""
            SELECT sequence, event_id, aggregate_version, type, published_at, attempts, last_error
            FROM outbox_events WHERE aggregate_id = :id ORDER BY aggregate_version""")
        .bind("id", aggregateId)
        .map(row -> new OutboxRow(row.get("sequence", Long.class), row.get("event_id", UUID.class),
            row.get("aggregate_version", Long.class), row.get("type", String.class),
            row.get("published_at", Instant.class), row.get("attempts", Integer.class),
            row.get("last_error", String.class)))
        .all().collectList().block();
  }

  long backlog() {
    return database.sql("SELECT count(*) AS size FROM outbox_events WHERE published_at IS NULL")
        .map(row -> row.get("size", Long.class)).one().block();
  }

  /** Earlier tests' events are all out, so a relay's next batch holds only this test's events. */
  void awaitEmptyBacklog() {
    await().atMost(PATIENCE).until(() -> backlog() == 0);
  }

  /** Stops the app's relay gracefully (its running batch completes), as an instance shutting down. */
  void stopAppRelay() throws InterruptedException {
    var stopped = new CountDownLatch(1);
    appRelay.stop(stopped::countDown);
    if (!stopped.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("the app relay did not stop");
    }
  }

  double appCounter(String name) {
    return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }
}
