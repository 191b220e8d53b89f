package org.pingliang.techmarket.marketplace.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.events.EventEnvelope;
import org.pingliang.techmarket.events.EventStreams;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A consumer group of the listings stream, created by the test at the stream's end (XGROUP CREATE …
 * $ MKSTREAM), that remembers every entry delivered to it, so a test can count deliveries the way a
 * consumer such as the search indexer sees them.
 */
final class TestConsumerGroup implements AutoCloseable {

  private static final String STREAM = EventStreams.LISTINGS;

  private final ReactiveStringRedisTemplate redis;
  private final String name;
  private final List<Map<String, String>> delivered = new ArrayList<>();

  private TestConsumerGroup(ReactiveStringRedisTemplate redis, String name) {
    this.redis = redis;
    this.name = name;
  }

  static TestConsumerGroup create(ReactiveStringRedisTemplate redis) {
    var name = "outbox-test-" + UUID.randomUUID();
    redis.execute(connection -> connection.streamCommands()
        .xGroupCreate(ByteBuffer.wrap(STREAM.getBytes(StandardCharsets.UTF_8)), name, ReadOffset.latest(), true))
        .blockLast();
    return new TestConsumerGroup(redis, name);
  }

  /** Events of one aggregate delivered to the group so far, in stream order (reads new ones first). */
  synchronized List<EventEnvelope> deliveredFor(UUID aggregateId) {
    return rawDeliveredFor(aggregateId).stream().map(EventEnvelope::fromStreamFields).toList();
  }

  /** The entries' fields exactly as they are in Redis. */
  synchronized List<Map<String, String>> rawDeliveredFor(UUID aggregateId) {
    readNew();
    return delivered.stream().filter(fields -> aggregateId.toString().equals(fields.get("aggregateId"))).toList();
  }

  /** All events delivered so far, in stream order. */
  synchronized List<EventEnvelope> deliveredEvents() {
    readNew();
    return delivered.stream().map(EventEnvelope::fromStreamFields).toList();
  }

  private void readNew() {
    while (true) {
      var batch = redis.opsForStream()
          .read(Consumer.from(name, "test"), StreamReadOptions.empty().count(500),
              StreamOffset.create(STREAM, ReadOffset.lastConsumed()))
          .collectList().block();
      if (batch == null || batch.isEmpty()) {
        return;
      }
      batch.forEach(entry -> delivered.add(fields(entry)));
      redis.opsForStream().acknowledge(STREAM, name, batch.stream().map(MapRecord::getId).toArray(RecordId[]::new))
          .block();
    }
  }

  private static Map<String, String> fields(MapRecord<String, Object, Object> entry) {
    var fields = new LinkedHashMap<String, String>();
    entry.getValue().forEach((field, value) -> fields.put(String.valueOf(field), String.valueOf(value)));
    return fields;
  }

  @Override
  public void close() {
    redis.opsForStream().destroyGroup(STREAM, name).onErrorComplete().block();
  }
}
