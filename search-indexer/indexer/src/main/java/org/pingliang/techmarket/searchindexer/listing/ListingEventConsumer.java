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
  /**
   * Batches written at once. With one, the cluster idled while this process read, parsed and
   * serialised the next batch: 0.45x the rate of a raw bulk load of the same documents (bench-search).
   */
  private static final int WRITES_IN_FLIGHT = 3;

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
   * Runs until stopped. Any failure that is not one entry's fault (Redis or the cluster down)
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
        .then(Mono.defer(this::pipeline))
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
   * Three stages, so the cluster is not kept waiting for Redis or for this process between two bulk
   * requests: reading (XREADGROUP and parsing, one batch at a time, in stream order), writing to the
   * alias (embedding and the bulk request; {@link #WRITES_IN_FLIGHT} batches at once, so the next is
   * on the wire while the cluster indexes one), and the rest (copies to a rebuild's index, XACK, retries and
   * parking), which takes the written batches in stream order. Batches written at once may
   * reach the cluster out of order; external versions keep every document at its newest either
   * way (the older write is refused as stale). An entry is acknowledged only after all its writes;
   * a failure drops the batches in flight, which stay pending and are worked off by the repair of
   * the restart. External versions make the rare repeat harmless, and a repeat is still copied to
   * a rebuild's index.
   */
  private Mono<Void> pipeline() {
    return Mono.defer(this::nextBatch).repeat()
        .flatMapSequential(this::process, WRITES_IN_FLIGHT, 1)
        .concatMap(rest -> rest, 1)
        .then();
  }

  /**
   * The next batch: entries taken over from dead consumers when a look is due, otherwise new
   * entries. Entries are only ever left pending by a failure (which restarts consume(), and so
   * repairs) or by another consumer, so this consumer's own pending list is not read every batch.
   * While there is a backlog (the last read was full) the next read does not block, so it needs no
   * connection of its own; a blocking read that times out yields an empty batch.
   */
  private Mono<Batch> nextBatch() {
    if (System.nanoTime() - lastClaim >= properties.claimInterval().toNanos()) {
      lastClaim = System.nanoTime();
      return events.claimAbandoned().collectList()
          .flatMap(claimed -> claimed.isEmpty() ? readNew() : Mono.just(prepare(claimed, false)));
    }
    return readNew();
  }

  private Mono<Batch> readNew() {
    return events.readNew(caughtUp).collectList().map(records -> {
      caughtUp = records.size() < events.readCount();
      return prepare(records, true);
    });
  }

  /**
   * Writes a batch. A batch of new entries smaller than a full read emptied the backlog, so it is
   * made searchable at once (see {@code refresh-when-caught-up}): by its bulk request, or, when the
   * index was refreshed less than that interval ago, by a refresh as soon as the interval is over.
   */
  private Mono<Mono<Void>> process(Batch batch) {
    if (batch.size() == 0) {
      return Mono.just(Mono.empty());
    }
    var caughtUpBatch = batch.live() && batch.size() < events.readCount();
    var refresh = caughtUpBatch && refreshDue();
    var written = caughtUpBatch && log.isDebugEnabled() ? timed(batch, refresh) : handleBatch(batch, refresh);
    if (!caughtUpBatch || refresh) {
      return written;
    }
    return written.flatMap(rest -> Mono.defer(() -> {
      if (!refreshOwed) {
        return Mono.<Void>empty();
      }
      var wait = Math.max(0, lastRefresh + properties.refreshWhenCaughtUp().toNanos() - System.nanoTime());
      return Mono.delay(Duration.ofNanos(wait)).then(Mono.defer(() -> refreshOwed ? refreshNow() : Mono.<Void>empty()));
    }).thenReturn(rest));
  }

  /**
   * The same, logging where a caught-up batch's time went (debug): from the event's commit to its
   * stream entry (the outbox relay), from there to this read, and the write (with its refresh).
   */
  private Mono<Mono<Void>> timed(Batch batch, boolean refresh) {
    var started = System.currentTimeMillis();
    return handleBatch(batch, refresh).doOnSuccess(rest -> {
      for (var entry : batch.entries()) {
        var appended = Long.parseLong(entry.record().getId().getValue().split("-")[0]);
        var occurred = String.valueOf(entry.record().getValue().get("occurredAt"));
        long relay;
        try {
          relay = appended - java.time.Instant.parse(occurred).toEpochMilli();
        } catch (RuntimeException unreadable) {
          relay = -1;
        }
        log.debug("caught-up entry {}: relay {} ms, in the stream {} ms, written in {} ms (refresh {}, batch of {})",
            entry.record().getId(), relay, started - appended, System.currentTimeMillis() - started, refresh, batch.size());
      }
    });
  }

  private Mono<Void> refreshNow() {
    refreshOwed = false;
    lastRefresh = System.nanoTime();
    return index.refresh(index.alias());
  }

  private Mono<Void> drainPending() {
    // Each pass acknowledges what it read, so the next read from id 0 sees only what is left.
    return Mono.defer(() -> events.readPending().collectList()
            .flatMap(records -> records.isEmpty() ? Mono.just(0)
                : handleBatch(prepare(records, false), false).flatMap(rest -> rest).thenReturn(records.size())))
        .repeat()
        .takeUntil(handled -> handled == 0)
        .then();
  }

  /**
   * Whether a caught-up batch refreshes: at most once per {@code refresh-when-caught-up}; one that
   * may not (yet) leaves the refresh owed.
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

  /**
   * Entries read together, turned into documents (malformed ones kept apart, to be parked).
   * {@code live}: new entries, as opposed to pending or claimed ones.
   */
  private record Batch(List<Entry> entries, List<Malformed> malformed, boolean live) {
    int size() {
      return entries.size() + malformed.size();
    }
  }

  private record Malformed(MapRecord<String, Object, Object> record, IllegalArgumentException error) {}

  private static Batch prepare(List<MapRecord<String, Object, Object>> records, boolean live) {
    var entries = new ArrayList<Entry>(records.size());
    var malformed = new ArrayList<Malformed>();
    for (var record : records) {
      try {
        entries.add(new Entry(record, ListingDocument.of(EventEnvelope.fromStreamFields(fields(record)))));
      } catch (IllegalArgumentException error) {
        malformed.add(new Malformed(record, error));
      }
    }
    return new Batch(entries, malformed, live);
  }

  /**
   * One batch: malformed entries are parked (retrying cannot fix them; parking keeps the stream
   * flowing), the rest are embedded together (off the event loop) and written in one bulk request,
   * then acknowledged together. Within the batch the stream's order is kept; across batches and
   * instances external versions keep every document at its newest.
   */
  private Mono<Mono<Void>> handleBatch(Batch batch, boolean refresh) {
    var entries = batch.entries();
    return Flux.fromIterable(batch.malformed()).concatMap(bad -> park(bad.record(), bad.error()))
        .then(Mono.defer(() -> entries.isEmpty()
            ? Mono.just(Mono.<Void>empty())
            : embedded(entries).flatMap(ready -> writeFirst(ready, refresh))));
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
    return index.write(entries.stream().map(Entry::document).toList(), refresh)
        .flatMap(results -> settle(entries, results, attempt, refresh));
  }

  /**
   * The first attempt's write to the alias; answers the rest (copies to a rebuild's index, then
   * {@link #settle}), which the pipeline runs while the next batch is written.
   */
  private Mono<Mono<Void>> writeFirst(List<Entry> entries, boolean refresh) {
    return index.writeToAlias(entries.stream().map(Entry::document).toList(), refresh)
        .map(written -> written.copies().then(Mono.defer(() -> settle(entries, written.results(), 1, refresh))));
  }

  /** Acknowledges the entries written, and retries (with backoff) or parks the refused ones. */
  private Mono<Void> settle(List<Entry> entries, List<ElasticsearchListingIndex.WriteResult> results, int attempt,
      boolean refresh) {
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
