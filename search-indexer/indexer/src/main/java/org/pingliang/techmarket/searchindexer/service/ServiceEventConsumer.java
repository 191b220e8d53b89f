package org.pingliang.techmarket.searchindexer.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingliang.techmarket.events.EventEnvelope;
import org.pingliang.techmarket.events.EventStreams;
import org.pingliang.techmarket.search.embedding.TextEmbedder;
import org.pingliang.techmarket.searchindexer.listing.ConsumerName;
import org.pingliang.techmarket.searchindexer.listing.IndexerCommand;
import org.pingliang.techmarket.searchindexer.listing.IndexerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
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
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Indexes the services stream ({@link EventStreams#SERVICES}: commissioners' service offers and
 * service requests) into the services index, with the conventions of the listing consumer: one
 * consumer group shared by all instances ({@code techmarket.indexer.consumer-group}) under the same
 * stable consumer name, at least once (read, embed, write with external versions, then acknowledge),
 * pending entries repaired at start-up, after a failure and every claim interval (abandoned ones of
 * dead instances taken over with XCLAIM), refused documents retried with backoff and parked after
 * {@code max-attempts} in {@code techmarket:events:services:parked}, malformed entries parked at once,
 * and a caught-up batch made searchable at once.
 */
@Component
class ServiceEventConsumer implements SmartLifecycle, DisposableBean {

  static final String STREAM = EventStreams.SERVICES;
  static final String PARKED = STREAM + ":parked";

  private static final Logger log = LoggerFactory.getLogger(ServiceEventConsumer.class);

  private final ReactiveStreamOperations<String, Object, Object> streams;
  private final ElasticsearchServiceIndex index;
  private final IndexerProperties properties;
  private final IndexerCommand command;
  private final ObjectProvider<TextEmbedder> model;
  private final Consumer consumer;
  private final Scheduler embedding;
  private final Counter indexed;
  private final Counter parked;
  private volatile Disposable subscription;
  private volatile long lastClaim;

  ServiceEventConsumer(ReactiveStringRedisTemplate redis, ElasticsearchServiceIndex index, IndexerProperties properties,
      IndexerCommand command, ObjectProvider<TextEmbedder> model, ConsumerName consumerName, MeterRegistry registry) {
    this.streams = redis.opsForStream();
    this.index = index;
    this.properties = properties;
    this.command = command;
    this.model = model;
    this.consumer = Consumer.from(properties.consumerGroup(), consumerName.value());
    this.embedding = Schedulers.newBoundedElastic(1, properties.embedding().queuedTasks(), "service-embedding");
    this.indexed = Counter.builder("techmarket.indexer.services.indexed")
        .description("service offer/request events written to (or already in) the services index").register(registry);
    this.parked = Counter.builder("techmarket.indexer.services.parked")
        .description("service events moved to the parked stream").register(registry);
  }

  @Override
  public void start() {
    if (properties.enabled() && !command.isCommandRun()) {
      subscription = consume().subscribe();
    }
  }

  @Override
  public void stop() {
    var current = subscription;
    if (current != null) {
      current.dispose();
    }
    subscription = null;
  }

  /**
   * The model's thread goes with the bean, not with {@link #stop()}: a stopped consumer may be
   * started again (a context stopped and started, or paused between tests), and it embeds on it.
   */
  @Override
  public void destroy() {
    embedding.dispose();
  }

  @Override
  public boolean isRunning() {
    return subscription != null;
  }

  Mono<Void> consume() {
    return index.createIfMissing()
        .then(createGroupIfMissing())
        .then(Mono.defer(this::repair))
        .then(Mono.defer(this::cycle).repeat().then())
        .retryWhen(Retry.backoff(Long.MAX_VALUE, properties.firstBackoff())
            .maxBackoff(properties.maxBackoff())
            .doBeforeRetry(signal -> log.warn("Service indexer restarts after: {}", signal.failure().toString())));
  }

  private Mono<Void> createGroupIfMissing() {
    return streams.createGroup(STREAM, ReadOffset.from("0"), properties.consumerGroup()).then()
        .onErrorResume(ServiceEventConsumer::isBusyGroup, error -> Mono.empty());
  }

  /** Takes over entries dead consumers left, then works off this consumer's pending ones. */
  private Mono<Void> repair() {
    lastClaim = System.nanoTime();
    return claimAbandoned()
        .then(Mono.defer(() -> handle(streams.read(consumer, StreamReadOptions.empty().count(readCount()),
                StreamOffset.create(STREAM, ReadOffset.from("0"))), false))
            .repeat().takeUntil(handled -> handled == 0).then());
  }

  private Mono<Long> cycle() {
    var repair = System.nanoTime() - lastClaim >= properties.claimInterval().toNanos() ? repair() : Mono.<Void>empty();
    return repair.then(Mono.defer(() -> handle(streams.read(consumer,
        StreamReadOptions.empty().count(readCount()).block(properties.blockTimeout()),
        StreamOffset.create(STREAM, ReadOffset.lastConsumed())), true)));
  }

  private Mono<Void> claimAbandoned() {
    var minIdle = properties.claimIdleAfter();
    return streams.pending(STREAM, properties.consumerGroup(), Range.unbounded(), properties.batchSize())
        .flatMapIterable(pending -> pending.stream()
            .filter(entry -> !entry.getConsumerName().equals(consumer.getName()))
            .filter(entry -> entry.getElapsedTimeSinceLastDelivery().compareTo(minIdle) >= 0)
            .map(PendingMessage::getId).toList())
        .collectList()
        .flatMap(ids -> ids.isEmpty() ? Mono.<Void>empty()
            : streams.claim(STREAM, properties.consumerGroup(), consumer.getName(), minIdle, ids.toArray(RecordId[]::new))
                .then());
  }

  private int readCount() {
    return properties.readCount();
  }

  /** One batch: parse (park the malformed), embed off the event loop, write, acknowledge. */
  private Mono<Long> handle(Flux<MapRecord<String, Object, Object>> records, boolean live) {
    return records.collectList().flatMap(batch -> {
      if (batch.isEmpty()) {
        return Mono.just(0L);
      }
      var entries = new ArrayList<Entry>();
      var malformed = new ArrayList<Mono<Void>>();
      for (var record : batch) {
        try {
          entries.add(new Entry(record, ServiceDocument.of(EventEnvelope.fromStreamFields(fields(record)))));
        } catch (IllegalArgumentException error) {
          malformed.add(park(record, error));
        }
      }
      var refresh = live && batch.size() < readCount() && !properties.refreshWhenCaughtUp().isZero()
          && !properties.refreshWhenCaughtUp().isNegative();
      return Flux.concat(malformed)
          .then(Mono.defer(() -> entries.isEmpty() ? Mono.empty() : embedded(entries).flatMap(ready -> write(ready, 1, refresh))))
          .thenReturn((long) batch.size());
    });
  }

  private Mono<List<Entry>> embedded(List<Entry> entries) {
    if (!properties.embedding().enabled()) {
      return Mono.just(entries);
    }
    return Mono.fromCallable(() -> {
      var embedder = model.getObject();
      var vectors = embedder.embedPassages(entries.stream().map(entry -> entry.document().embeddingText()).toList());
      var ready = new ArrayList<Entry>(entries.size());
      for (var i = 0; i < entries.size(); i++) {
        ready.add(new Entry(entries.get(i).record(), entries.get(i).document().withEmbedding(vectors.get(i), embedder.modelId())));
      }
      return (List<Entry>) ready;
    }).subscribeOn(embedding);
  }

  private Mono<Void> write(List<Entry> entries, int attempt, boolean refresh) {
    return index.write(entries.stream().map(Entry::document).toList(), refresh).flatMap(results -> {
      var done = new ArrayList<RecordId>();
      var failed = new ArrayList<Entry>();
      var failures = new ArrayList<ElasticsearchServiceIndex.Refusal>();
      for (var i = 0; i < entries.size(); i++) {
        if (results.get(i) == null) {
          indexed.increment();
          done.add(entries.get(i).record().getId());
        } else {
          failed.add(entries.get(i));
          failures.add(results.get(i));
        }
      }
      var acknowledged = acknowledge(done);
      if (failed.isEmpty()) {
        return acknowledged;
      }
      if (attempt < properties.maxAttempts()) {
        var backoff = properties.firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        var wait = backoff.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : backoff;
        return acknowledged.then(Mono.delay(wait)).then(Mono.defer(() -> write(failed, attempt + 1, refresh)));
      }
      return acknowledged.then(Flux.range(0, failed.size()).concatMap(i -> failures.get(i).isDocumentsFault()
          ? park(failed.get(i).record(), failures.get(i))
          : Mono.<Void>error(failures.get(i))).then());
    });
  }

  private Mono<Void> acknowledge(List<RecordId> ids) {
    return ids.isEmpty() ? Mono.empty()
        : streams.acknowledge(STREAM, properties.consumerGroup(), ids.toArray(RecordId[]::new)).then();
  }

  /** Copies the entry with the reason to the parked stream (to inspect and replay), then acknowledges it. */
  private Mono<Void> park(MapRecord<String, Object, Object> record, Throwable reason) {
    log.warn("Parking service event {}: {}", record.getId(), reason.toString());
    var values = new LinkedHashMap<String, String>(fields(record));
    values.put("parkedEntryId", record.getId().getValue());
    values.put("parkedBy", consumer.getName());
    values.put("error", String.valueOf(reason));
    return streams.add(StreamRecords.newRecord().in(PARKED).ofMap(values))
        .then(acknowledge(List.of(record.getId())))
        .doOnSuccess(done -> parked.increment());
  }

  private record Entry(MapRecord<String, Object, Object> record, ServiceDocument document) {}

  private static Map<String, String> fields(MapRecord<String, Object, Object> record) {
    var fields = new LinkedHashMap<String, String>();
    record.getValue().forEach((name, value) -> fields.put(String.valueOf(name), String.valueOf(value)));
    return fields;
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
