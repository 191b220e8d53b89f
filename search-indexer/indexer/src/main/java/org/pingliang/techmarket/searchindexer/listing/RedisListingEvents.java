package org.pingliang.techmarket.searchindexer.listing;

import java.util.LinkedHashMap;
import java.util.List;
import org.pingliang.techmarket.events.EventStreams;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStreamOperations;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The listings stream as this consumer group sees it: read, acknowledge, park. */
@Component
class RedisListingEvents {

  /** Where entries that cannot be indexed go, with the reason, so they can be inspected and replayed. */
  static final String PARKED = EventStreams.LISTINGS + ":parked";

  private final ReactiveStreamOperations<String, Object, Object> streams;
  private final IndexerProperties properties;
  private final Consumer consumer;

  RedisListingEvents(ReactiveStringRedisTemplate redis, IndexerProperties properties, ConsumerName consumerName) {
    this.streams = redis.opsForStream();
    this.properties = properties;
    this.consumer = Consumer.from(properties.consumerGroup(), consumerName.value());
  }

  /** Creates the group (and the stream) from the first entry; an existing group is left as it is. */
  Mono<Void> createGroupIfMissing() {
    return streams.createGroup(EventStreams.LISTINGS, ReadOffset.from("0"), properties.consumerGroup())
        .then()
        .onErrorResume(RedisListingEvents::isBusyGroup, error -> Mono.empty());
  }

  /** This consumer's entries that were delivered but never acknowledged, e.g. before a crash. */
  Flux<MapRecord<String, Object, Object>> readPending() {
    return streams.read(consumer, StreamReadOptions.empty().count(properties.readCount()),
        StreamOffset.create(EventStreams.LISTINGS, ReadOffset.from("0")));
  }

  /**
   * Takes over entries that another consumer was given but left unacknowledged for longer than
   * {@code claimIdleAfter}. XCLAIM checks the idle time again atomically, so when several instances
   * try at once only one of them gets each entry. Returns the entries taken (now this consumer's
   * pending ones), at most a batch.
   */
  Flux<MapRecord<String, Object, Object>> claimAbandoned() {
    var minIdle = properties.claimIdleAfter();
    return streams.pending(EventStreams.LISTINGS, properties.consumerGroup(), Range.unbounded(), properties.batchSize())
        .flatMapIterable(pending -> pending.stream()
            .filter(entry -> !entry.getConsumerName().equals(consumer.getName()))
            .filter(entry -> entry.getElapsedTimeSinceLastDelivery().compareTo(minIdle) >= 0)
            .map(PendingMessage::getId)
            .toList())
        .collectList()
        .flatMapMany(ids -> ids.isEmpty()
            ? Flux.empty()
            : streams.claim(EventStreams.LISTINGS, properties.consumerGroup(), consumer.getName(), minIdle,
                ids.toArray(RecordId[]::new)));
  }

  /**
   * New entries for the group. {@code block}: wait up to the block timeout for some to arrive (a
   * blocking read runs on a connection of its own, opened for it); otherwise answer at once, on the
   * shared connection, which is what a consumer working off a backlog wants.
   */
  Flux<MapRecord<String, Object, Object>> readNew(boolean block) {
    var options = StreamReadOptions.empty().count(properties.readCount());
    return streams.read(consumer, block ? options.block(properties.blockTimeout()) : options,
        StreamOffset.create(EventStreams.LISTINGS, ReadOffset.lastConsumed()));
  }

  /** Entries read per call. */
  int readCount() {
    return properties.readCount();
  }

  Mono<Void> acknowledge(RecordId id) {
    return streams.acknowledge(EventStreams.LISTINGS, properties.consumerGroup(), id).then();
  }

  /** Acknowledges several entries in one XACK. */
  Mono<Void> acknowledge(List<RecordId> ids) {
    return ids.isEmpty() ? Mono.empty()
        : streams.acknowledge(EventStreams.LISTINGS, properties.consumerGroup(), ids.toArray(RecordId[]::new)).then();
  }

  /** Copies the entry to the parked stream with the reason, then acknowledges it. */
  Mono<Void> park(MapRecord<String, Object, Object> record, Throwable reason) {
    var fields = new LinkedHashMap<String, String>();
    record.getValue().forEach((name, value) -> fields.put(String.valueOf(name), String.valueOf(value)));
    fields.put("parkedEntryId", record.getId().getValue());
    fields.put("parkedBy", consumer.getName());
    fields.put("error", String.valueOf(reason));
    return streams.add(StreamRecords.newRecord().in(PARKED).ofMap(fields))
        .then(acknowledge(record.getId()));
  }

  private static boolean isBusyGroup(Throwable error) {
    for (var cause = error; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains("BUSYGROUP")) {
        return true;
      }
    }
    return false;
  }
}
