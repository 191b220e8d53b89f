package org.pingliang.techmarket.searchindexer.listing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pingliang.techmarket.events.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Indexes listing events from the Redis Stream, at least once: read, index, then acknowledge.
 * Indexing is idempotent (external versions), so an entry delivered twice does no harm.
 */
@Component
class ListingEventConsumer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ListingEventConsumer.class);

  private final RedisListingEvents events;
  private final ElasticsearchListingIndex index;
  private final IndexerMetrics metrics;
  private final IndexerProperties properties;
  private volatile Disposable subscription;

  ListingEventConsumer(RedisListingEvents events, ElasticsearchListingIndex index, IndexerMetrics metrics,
      IndexerProperties properties) {
    this.events = events;
    this.index = index;
    this.metrics = metrics;
    this.properties = properties;
  }

  @Override
  public void start() {
    if (properties.enabled()) {
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

  @Override
  public boolean isRunning() {
    return subscription != null;
  }

  /**
   * Runs cycles until stopped. Any failure that is not one entry's fault (Redis or the cluster down)
   * starts again after a backoff; the cycle re-reads whatever is still pending, so nothing is skipped.
   */
  Mono<Void> consume() {
    return index.createIfMissing()
        .then(events.createGroupIfMissing())
        .then(Mono.defer(this::cycle).repeat().then())
        .retryWhen(Retry.backoff(Long.MAX_VALUE, properties.firstBackoff())
            .maxBackoff(properties.maxBackoff())
            .doBeforeRetry(signal -> log.warn("Listing indexer restarts after: {}", signal.failure().toString())));
  }

  /**
   * Pending entries first (ours, and those a dead consumer abandoned), so a crash between indexing
   * and acknowledging is repaired, then one batch of new ones.
   */
  private Mono<Long> cycle() {
    return events.claimAbandoned()
        .then(drainPending())
        .then(handleAll(events.readNew()));
  }

  private Mono<Void> drainPending() {
    // Each pass acknowledges what it read, so the next read from id 0 sees only what is left.
    return Mono.defer(() -> handleAll(events.readPending()))
        .repeat()
        .takeUntil(handled -> handled == 0)
        .then();
  }

  private Mono<Long> handleAll(Flux<MapRecord<String, Object, Object>> records) {
    // One at a time, in stream order: the stream is ordered per aggregate and so are the writes.
    return records.concatMap(record -> handle(record).thenReturn(record.getId())).count();
  }

  private Mono<Void> handle(MapRecord<String, Object, Object> record) {
    ListingDocument document;
    try {
      document = ListingDocument.of(EventEnvelope.fromStreamFields(fields(record)));
    } catch (IllegalArgumentException malformed) {
      // Retrying cannot fix a malformed entry; parking it keeps the stream flowing.
      return park(record, malformed);
    }
    // After the last attempt a refused document is parked; any other failure (cluster down) goes up
    // to consume(), which backs off and re-reads the entry, still pending, later.
    return index.index(document)
        .retryWhen(Retry.backoff(properties.maxAttempts() - 1L, properties.firstBackoff())
            .maxBackoff(properties.maxBackoff()))
        .onErrorResume(error -> ElasticsearchListingIndex.isRejection(lastFailure(error)),
            error -> park(record, lastFailure(error)).then(Mono.empty()))
        .flatMap(outcome -> {
          metrics.record(outcome);
          return events.acknowledge(record.getId());
        });
  }

  private Mono<Void> park(MapRecord<String, Object, Object> record, Throwable reason) {
    log.warn("Parking listing event {}: {}", record.getId(), reason.toString());
    return events.park(record, reason).doOnSuccess(done -> metrics.parked());
  }

  private static Throwable lastFailure(Throwable error) {
    return Exceptions.isRetryExhausted(error) && error.getCause() != null ? error.getCause() : error;
  }

  private static Map<String, String> fields(MapRecord<String, Object, Object> record) {
    var fields = new LinkedHashMap<String, String>();
    record.getValue().forEach((name, value) -> fields.put(String.valueOf(name), String.valueOf(value)));
    return fields;
  }
}
