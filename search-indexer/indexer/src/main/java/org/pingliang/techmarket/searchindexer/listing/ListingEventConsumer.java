package org.pingliang.techmarket.searchindexer.listing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingliang.techmarket.events.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
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
  private final ListingEmbeddings embeddings;
  private final ListingRebuild rebuild;
  private final IndexerCommand command;
  private volatile Disposable subscription;
  /** Whether the last read of new entries was not full: the next one may block. */
  private volatile boolean caughtUp = true;
  private volatile long lastClaim;
  private volatile long lastRefresh = System.nanoTime() - Long.MAX_VALUE / 2;
  private volatile boolean refreshOwed;

  ListingEventConsumer(RedisListingEvents events, ElasticsearchListingIndex index, IndexerMetrics metrics,
      IndexerProperties properties, ListingEmbeddings embeddings, ListingRebuild rebuild, IndexerCommand command) {
    this.events = events;
    this.index = index;
    this.metrics = metrics;
    this.properties = properties;
    this.embeddings = embeddings;
    this.rebuild = rebuild;
    this.command = command;
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

  @Override
  public boolean isRunning() {
    return subscription != null;
  }

  /**
   * Runs cycles until stopped. Any failure that is not one entry's fault (Redis or the cluster down)
   * starts again after a backoff, and every start first repairs: it takes over what dead consumers
   * abandoned and works off this consumer's own pending entries (read but not acknowledged, e.g.
   * before a crash or the failure), so nothing is skipped and nothing overtakes them.
   */
  Mono<Void> consume() {
    return index.createIfMissing()
        .then(Mono.fromRunnable(rebuild::migrateInBackgroundIfNeeded))
        .then(events.createGroupIfMissing())
        .then(Mono.defer(() -> {
          caughtUp = true;
          return repair();
        }))
        .then(Mono.defer(this::cycle).repeat().then())
        .retryWhen(Retry.backoff(Long.MAX_VALUE, properties.firstBackoff())
            .maxBackoff(properties.maxBackoff())
            .doBeforeRetry(signal -> log.warn("Listing indexer restarts after: {}", signal.failure().toString())));
  }

  /** Claims abandoned entries, then drains the pending list (ours and the claimed ones). */
  private Mono<Void> repair() {
    lastClaim = System.nanoTime();
    return events.claimAbandoned().then(drainPending());
  }

  /**
   * One batch of new entries, after a repair when one is due. Entries are only ever left pending by
   * a failure (which restarts consume(), and so repairs) or by another consumer, so the pending list
   * is not read every cycle: that saves two Redis round trips per batch. While there is a backlog
   * (the last read was full) the next read does not block, so it needs no connection of its own.
   */
  private Mono<Long> cycle() {
    var repair = System.nanoTime() - lastClaim >= properties.claimInterval().toNanos() ? repair() : Mono.<Void>empty();
    return repair.then(Mono.defer(() -> {
      if (refreshOwed) {
        // A caught-up batch went unrefreshed (one had just been refreshed): once the interval has
        // passed, refresh with the next batch or, if none is there, on its own, before blocking.
        var wait = Math.max(0, lastRefresh + properties.refreshWhenCaughtUp().toNanos() - System.nanoTime());
        return Mono.delay(Duration.ofNanos(wait))
            .then(handleAll(events.readNew(false), true))
            .flatMap(read -> {
              caughtUp = read < events.readCount();
              return read > 0 || !refreshOwed ? Mono.just(read) : refreshNow().thenReturn(read);
            });
      }
      var blocking = caughtUp;
      return handleAll(events.readNew(blocking), true).doOnNext(read -> caughtUp = read < events.readCount());
    }));
  }

  private Mono<Void> refreshNow() {
    refreshOwed = false;
    lastRefresh = System.nanoTime();
    return index.refresh(index.alias());
  }

  private Mono<Void> drainPending() {
    // Each pass acknowledges what it read, so the next read from id 0 sees only what is left.
    return Mono.defer(() -> handleAll(events.readPending(), false))
        .repeat()
        .takeUntil(handled -> handled == 0)
        .then();
  }

  /**
   * One batch: malformed entries are parked, the rest are embedded together (off the event loop)
   * and written in one bulk request, then acknowledged together. Within the batch the stream's order
   * is kept; across batches and instances external versions keep every document at its newest.
   * {@code live}: new entries; a batch smaller than a full read means the backlog is gone, so it is
   * made searchable at once (see {@code refresh-when-caught-up}).
   */
  private Mono<Long> handleAll(Flux<MapRecord<String, Object, Object>> records, boolean live) {
    return records.collectList().flatMap(batch -> batch.isEmpty()
        ? Mono.just(0L)
        : handleBatch(batch, live && batch.size() < events.readCount() && refreshDue()).thenReturn((long) batch.size()));
  }

  /**
   * Whether a caught-up batch refreshes: at most once per {@code refresh-when-caught-up}; one that
   * may not (yet) leaves the refresh owed, for the next cycle.
   */
  private boolean refreshDue() {
    var interval = properties.refreshWhenCaughtUp();
    if (interval.isZero() || interval.isNegative()) {
      return false;
    }
    var now = System.nanoTime();
    if (now - lastRefresh < interval.toNanos()) {
      refreshOwed = true;
      return false;
    }
    refreshOwed = false;
    lastRefresh = now;
    return true;
  }

  private Mono<Void> handleBatch(List<MapRecord<String, Object, Object>> batch, boolean refresh) {
    var entries = new ArrayList<Entry>(batch.size());
    var malformed = new ArrayList<Mono<Void>>();
    for (var record : batch) {
      try {
        entries.add(new Entry(record, ListingDocument.of(EventEnvelope.fromStreamFields(fields(record)))));
      } catch (IllegalArgumentException error) {
        // Retrying cannot fix a malformed entry; parking it keeps the stream flowing.
        malformed.add(park(record, error));
      }
    }
    return Flux.concat(malformed).then(Mono.defer(() -> entries.isEmpty()
        ? Mono.empty()
        : embedded(entries).flatMap(ready -> write(ready, 1, refresh))));
  }

  private Mono<List<Entry>> embedded(List<Entry> entries) {
    if (!properties.embedding().enabled()) {
      return Mono.just(entries);
    }
    return embeddings.embed(entries.stream().map(Entry::document).toList()).map(documents -> {
      var ready = new ArrayList<Entry>(entries.size());
      for (var i = 0; i < entries.size(); i++) {
        ready.add(new Entry(entries.get(i).record(), documents.get(i)));
      }
      return ready;
    });
  }

  /**
   * Writes the entries, acknowledges those done, and retries the refused ones with backoff. After
   * the last attempt a document the cluster refuses is parked; any other failure (the cluster down,
   * the whole request failing) goes up to consume(), which backs off and re-reads the entries, still
   * pending, later.
   */
  private Mono<Void> write(List<Entry> entries, int attempt, boolean refresh) {
    return index.write(entries.stream().map(Entry::document).toList(), refresh).flatMap(results -> {
      var done = new ArrayList<RecordId>();
      var failed = new ArrayList<Entry>();
      var failures = new ArrayList<Throwable>();
      for (var i = 0; i < entries.size(); i++) {
        var result = results.get(i);
        if (result.failure() == null) {
          metrics.record(result.outcome());
          done.add(entries.get(i).record().getId());
        } else {
          failed.add(entries.get(i));
          failures.add(result.failure());
        }
      }
      var acknowledged = events.acknowledge(done);
      if (failed.isEmpty()) {
        return acknowledged;
      }
      if (attempt < properties.maxAttempts()) {
        var backoff = properties.firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        var wait = backoff.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : backoff;
        return acknowledged.then(Mono.delay(wait)).then(Mono.defer(() -> write(failed, attempt + 1, refresh)));
      }
      return acknowledged.then(Flux.range(0, failed.size()).concatMap(i ->
          ElasticsearchListingIndex.isRejection(failures.get(i))
              ? park(failed.get(i).record(), failures.get(i))
              : Mono.error(failures.get(i))).then());
    });
  }

  /** A stream entry and the document it became. */
  private record Entry(MapRecord<String, Object, Object> record, ListingDocument document) {}

  private Mono<Void> park(MapRecord<String, Object, Object> record, Throwable reason) {
    log.warn("Parking listing event {}: {}", record.getId(), reason.toString());
    return events.park(record, reason).doOnSuccess(done -> metrics.parked());
  }

  private static Map<String, String> fields(MapRecord<String, Object, Object> record) {
    var fields = new LinkedHashMap<String, String>();
    record.getValue().forEach((name, value) -> fields.put(String.valueOf(name), String.valueOf(value)));
    return fields;
  }
}
