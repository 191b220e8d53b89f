package org.pingliang.techmarket.marketplace.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A relay as another app instance runs it: its own PostgreSQL pool and Redis connection, its own
 * meters and wake-ups, sharing nothing with the app under test but the servers. Tests may wrap its
 * publisher in a fault hook, the one place where a relay is cut off mid-batch.
 */
final class RelayInstance implements AutoCloseable {

  final OutboxRelay relay;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final DatabaseClient database;
  private final ConnectionPool pool;
  private final LettuceConnectionFactory redisConnections;

  private RelayInstance(Environment environment, OutboxProperties properties, UnaryOperator<StreamPublisher> fault) {
    pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(
            ConnectionFactoryOptions.parse(environment.getRequiredProperty("spring.r2dbc.url")).mutate()
                .option(ConnectionFactoryOptions.USER, environment.getRequiredProperty("spring.r2dbc.username"))
                .option(ConnectionFactoryOptions.PASSWORD, environment.getRequiredProperty("spring.r2dbc.password"))
                .build()))
        .maxSize(3)
        .build());
    redisConnections = new LettuceConnectionFactory(redisServer(environment));
    redisConnections.afterPropertiesSet();
    redisConnections.start();
    database = DatabaseClient.create(pool);
    var events = new OutboxEvents(database);
    var metrics = new OutboxMetrics(meters);
    var publisher = fault.apply(new RedisStreamPublisher(new ReactiveStringRedisTemplate(redisConnections), properties));
    var batch = new PublishingBatch(events, publisher, new R2dbcTransactionManager(pool), metrics, properties);
    relay = new OutboxRelay(batch, events, new RelayWakeUps(), metrics, properties);
  }

  /** Starts a relay instance that polls quickly in small batches. */
  static RelayInstance start(Environment environment, UnaryOperator<StreamPublisher> fault) {
    return start(environment, Duration.ofSeconds(2), fault);
  }

  static RelayInstance start(Environment environment, Duration publishTimeout, UnaryOperator<StreamPublisher> fault) {
    var properties = new OutboxProperties(true, Duration.ofMillis(20), 7, Duration.ofDays(1), Duration.ofSeconds(1),
        publishTimeout);
    var instance = new RelayInstance(environment, properties, fault);
    instance.relay.start();
    return instance;
  }

  /** Events this instance appended to a stream (not counting ones it found already there). */
  long appended() {
    return (long) meters.find(OutboxMetrics.PUBLISHED).counters().stream().mapToDouble(Counter::count).sum();
  }

  @Override
  public void close() {
    relay.stop();
    redisConnections.destroy();
    pool.dispose();
  }

  private static RedisStandaloneConfiguration redisServer(Environment environment) {
    var server = new RedisStandaloneConfiguration(environment.getRequiredProperty("spring.data.redis.host"),
        environment.getRequiredProperty("spring.data.redis.port", Integer.class));
    server.setDatabase(environment.getRequiredProperty("spring.data.redis.database", Integer.class));
    var password = environment.getProperty("spring.data.redis.password", "");
    if (!password.isBlank()) {
      server.setPassword(password);
    }
    return server;
  }
}
