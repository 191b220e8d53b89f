package org.pingliang.techmarket.searchindexer.listing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Full rebuild of the listings index into a new index, then an atomic alias swap: no downtime
 * (searches read the old index until the swap) and no lost updates (while the copy runs, every
 * consumer write also reaches the new index, see {@link ElasticsearchListingIndex}; the copy writes
 * with external versions, so a newer document written by the stream is never overwritten by an
 * older copy, and vice versa).
 *
 * <p>Two sources: the database (marketplace's listing snapshots), the normal full reindex; or the
 * old index itself, used at start-up when the mapping changed (its documents are embedded anew).
 * One rebuild at a time across all instances (a Redis lease).
 */
@Component
class ListingRebuild {

  private static final Logger log = LoggerFactory.getLogger(ListingRebuild.class);

  private final ElasticsearchListingIndex index;
  private final ListingSnapshots snapshots;
  private final ListingEmbeddings embeddings;
  private final IndexerProperties properties;
  private final IndexerMetrics metrics;
  private final RedisLock lock;
  private final AtomicBoolean migrating = new AtomicBoolean();

  ListingRebuild(ElasticsearchListingIndex index, ListingSnapshots snapshots, ListingEmbeddings embeddings,
      IndexerProperties properties, IndexerMetrics metrics, RedisLock lock) {
    this.index = index;
    this.snapshots = snapshots;
    this.embeddings = embeddings;
    this.properties = properties;
    this.metrics = metrics;
    this.lock = lock;
  }

  /** Rebuilds from the database: every listing marketplace holds, in any status. */
  Mono<Report> rebuildFromDatabase() {
    return rebuild("database", previous -> cursor -> snapshots.page(cursor, properties.reindex().pageSize(), true)
        .map(ListingRebuild::documents));
  }

  /** Rebuilds from the index the alias points at (a mapping change: same documents, new vectors). */
  Mono<Report> rebuildFromCurrentIndex() {
    return rebuild("index", previous -> cursor -> previous == null
        ? Mono.just(new Batch(List.of(), null))
        : index.readPage(previous, cursor, properties.reindex().pageSize())
            .map(page -> new Batch(page, page.size() < properties.reindex().pageSize()
                ? null : page.getLast().id().toString())));
  }

  /**
   * At start-up: when the alias points at an index of an older mapping, rebuild from it in the
   * background (the consumer keeps indexing meanwhile). If another instance is already at it, look
   * again later: it may have died.
   */
  void migrateInBackgroundIfNeeded() {
    if (!properties.reindex().autoMigrate() || !migrating.compareAndSet(false, true)) {
      return;
    }
    index.currentIndex()
        .flatMap(current -> current.isPresent() && index.isOlderMapping(current.get())
            ? Mono.fromRunnable(() -> log.info("Index {} has an older mapping than {}: rebuilding it",
                current.get(), ElasticsearchListingIndex.MAPPING_VERSION)).then(rebuildFromCurrentIndex())
            : Mono.<Report>empty())
        .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(2)).maxBackoff(properties.reindex().lockTtl())
            .doBeforeRetry(signal -> log.warn("Index migration retries after: {}", signal.failure().toString())))
        .doFinally(signal -> migrating.set(false))
        .subscribe(report -> log.info("Index migration done: {}", report));
  }

  private Mono<Report> rebuild(String sourceName, Function<String, Function<String, Mono<Batch>>> sourceFor) {
    var work = Mono.defer(() -> {
      var started = System.nanoTime();
      var next = index.newIndexName();
      return index.currentIndex().zipWith(index.buildingIndex()).flatMap(state -> {
        var previous = state.getT1().orElse(null);
        var abandoned = state.getT2().orElse(null);
        var copied = new AtomicLong();
        var skipped = new AtomicLong();
        var source = sourceFor.apply(previous);
        return (abandoned == null ? Mono.<Void>empty() : index.deleteIndex(abandoned))
            .then(index.create(next, index.buildingAlias()))
            // Everything written to the old index before the new one existed is now searchable there.
            .then(previous == null ? Mono.<Void>empty() : index.refresh(previous))
            .then(copy(source, null, next, copied, skipped))
            .then(index.refresh(next))
            .then(index.swap(previous, next))
            .then(dropOlderThan(previous, next))
            .then(Mono.fromCallable(() -> new Report(sourceName, previous, next, copied.get(), skipped.get(),
                Duration.ofNanos(System.nanoTime() - started))));
      });
    });
    return lock.withLease("techmarket:search-indexer:rebuild:" + index.alias(), properties.reindex().lockTtl(), work)
        .doOnNext(report -> log.info("Rebuilt the listings index: {}", report));
  }

  private Mono<Void> copy(Function<String, Mono<Batch>> source, String cursor, String target, AtomicLong copied,
      AtomicLong skipped) {
    return source.apply(cursor).flatMap(batch -> embedded(batch.documents())
        .flatMap(documents -> index.writeInto(target, documents))
        .flatMap(results -> {
          for (var result : results) {
            if (result.failure() != null) {
              return Mono.<Void>error(result.failure());
            }
          }
          copied.addAndGet(results.size());
          skipped.addAndGet(batch.skipped());
          metrics.rebuilt(results.size());
          return batch.nextCursor() == null ? Mono.<Void>empty() : copy(source, batch.nextCursor(), target, copied, skipped);
        }));
  }

  private Mono<List<ListingDocument>> embedded(List<ListingDocument> documents) {
    return properties.embedding().enabled() ? embeddings.embed(documents) : Mono.just(documents);
  }

  /** Keeps the previous index (to fall back to by moving the alias by hand) and drops older ones. */
  private Mono<Void> dropOlderThan(String previous, String next) {
    return index.concreteIndices().flatMapIterable(names -> names.stream()
            .filter(name -> !name.equals(previous) && !name.equals(next)).toList())
        .concatMap(index::deleteIndex)
        .then();
  }

  private static Batch documents(ListingSnapshots.Page page) {
    var documents = new ArrayList<ListingDocument>(page.items().size());
    var skipped = 0;
    for (var snapshot : page.items()) {
      try {
        documents.add(snapshot.document());
      } catch (IllegalArgumentException | NullPointerException unreadable) {
        skipped++;
        log.warn("Listing {} {} has no readable snapshot: {}", snapshot.type(), snapshot.id(), unreadable.toString());
      }
    }
    return new Batch(documents, page.nextCursor(), skipped);
  }

  private record Batch(List<ListingDocument> documents, String nextCursor, int skipped) {
    Batch(List<ListingDocument> documents, String nextCursor) {
      this(documents, nextCursor, 0);
    }
  }

  /** What one rebuild did. */
  record Report(String source, String previousIndex, String index, long documents, long skipped, Duration took) {}
}
