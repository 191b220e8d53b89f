package org.pingliang.techmarket.searchindexer.listing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.pingliang.techmarket.searchindexer.listing.IndexerMetrics.RepairReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Compares the database (marketplace's listing snapshots: ids and versions) with the index, page by
 * page, and repairs what differs: a listing missing from the index, or indexed at an older version,
 * is written again from its snapshot; one indexed at a version the database never reached is
 * corrupt and replaced. Runs every {@code techmarket.indexer.reconciliation.interval} on one
 * instance at a time (a Redis lease); repairs are counted in
 * {@code techmarket_indexer_reconciliation_repairs_total{reason}}.
 *
 * <p>A listing changed while a page is compared is not a false repair: the index is only rewritten
 * with external versions, so a document the stream made newer meanwhile stays as it is.
 */
@Component
class ListingReconciliation implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ListingReconciliation.class);
  private static final java.time.Duration TOMBSTONE_WAIT = java.time.Duration.ofSeconds(3);

  private final ElasticsearchListingIndex index;
  private final ListingSnapshots snapshots;
  private final ListingEmbeddings embeddings;
  private final IndexerProperties properties;
  private final IndexerMetrics metrics;
  private final RedisLock lock;
  private final IndexerCommand command;
  private volatile Disposable schedule;

  ListingReconciliation(ElasticsearchListingIndex index, ListingSnapshots snapshots, ListingEmbeddings embeddings,
      IndexerProperties properties, IndexerMetrics metrics, RedisLock lock, IndexerCommand command) {
    this.index = index;
    this.snapshots = snapshots;
    this.embeddings = embeddings;
    this.properties = properties;
    this.metrics = metrics;
    this.lock = lock;
    this.command = command;
  }

  @Override
  public void start() {
    var settings = properties.reconciliation();
    if (!settings.enabled() || command.isCommandRun()) {
      return;
    }
    schedule = Flux.interval(settings.initialDelay(), settings.interval())
        .onBackpressureDrop()
        .concatMap(tick -> run()
            .doOnNext(report -> log.info("Reconciliation: {}", report))
            .onErrorResume(error -> {
              if (error instanceof RedisLock.Busy) {
                log.debug("Reconciliation skipped: another instance is at it");
              } else {
                log.warn("Reconciliation failed (next run in {}): {}", settings.interval(), error.toString());
              }
              return Mono.empty();
            }), 0)
        .subscribe();
  }

  @Override
  public void stop() {
    var current = schedule;
    if (current != null) {
      current.dispose();
    }
    schedule = null;
  }

  @Override
  public boolean isRunning() {
    return schedule != null;
  }

  /** One full comparison, under the lease. */
  Mono<Report> run() {
    return lock.withLease("techmarket:search-indexer:reconcile:" + index.alias(), properties.reindex().lockTtl(),
        Mono.defer(() -> {
          var totals = new Totals();
          return compare(null, totals).then(Mono.fromCallable(totals::report));
        }));
  }

  private Mono<Void> compare(String cursor, Totals totals) {
    var size = properties.reconciliation().pageSize();
    return snapshots.page(cursor, size, false).flatMap(page -> {
      var ids = page.items().stream().map(ListingSnapshots.Snapshot::id).toList();
      return index.versions(ids).flatMap(indexed -> {
        totals.checked.addAndGet(ids.size());
        var differing = new HashMap<UUID, Long>();
        for (var snapshot : page.items()) {
          var version = indexed.get(snapshot.id());
          if (version == null || version != snapshot.version()) {
            differing.put(snapshot.id(), version);
          }
        }
        var repaired = differing.isEmpty() ? Mono.<Void>empty() : repair(cursor, size, differing, totals);
        return repaired.then(page.nextCursor() == null ? Mono.<Void>empty() : compare(page.nextCursor(), totals));
      });
    });
  }

  /**
   * Reads the page again with payloads (the database now, later than the index was read) and
   * rewrites the listings that differed.
   */
  private Mono<Void> repair(String cursor, int size, Map<UUID, Long> differing, Totals totals) {
    return snapshots.page(cursor, size, true).flatMap(page -> {
      var documents = new ArrayList<ListingDocument>();
      var reasons = new ArrayList<RepairReason>();
      var corrupt = new ArrayList<UUID>();
      for (var snapshot : page.items()) {
        if (!differing.containsKey(snapshot.id())) {
          continue;
        }
        var indexedVersion = differing.get(snapshot.id());
        RepairReason reason;
        if (indexedVersion == null) {
          reason = RepairReason.MISSING;
        } else if (indexedVersion < snapshot.version()) {
          reason = RepairReason.STALE;
        } else if (indexedVersion > snapshot.version()) {
          // The index was read before the database: a version the database does not have even now
          // was never committed. Only a broken index holds it.
          reason = RepairReason.AHEAD;
          corrupt.add(snapshot.id());
        } else {
          continue; // caught up meanwhile
        }
        try {
          documents.add(snapshot.document());
          reasons.add(reason);
        } catch (IllegalArgumentException | NullPointerException unreadable) {
          log.warn("Listing {} {} has no readable snapshot: {}", snapshot.type(), snapshot.id(), unreadable.toString());
        }
      }
      if (documents.isEmpty()) {
        return Mono.<Void>empty();
      }
      return Flux.fromIterable(corrupt).concatMap(index::delete).then(embedded(documents))
          .flatMap(ready -> index.write(ready).flatMap(results -> {
            var retry = new ArrayList<ListingDocument>();
            var retryReasons = new ArrayList<RepairReason>();
            for (var i = 0; i < results.size(); i++) {
              var result = results.get(i);
              if (result.failure() != null) {
                log.warn("Reconciliation could not repair listing {}: {}", ready.get(i).id(), result.failure().toString());
              } else if (result.outcome() == ElasticsearchListingIndex.IndexOutcome.INDEXED) {
                repaired(ready.get(i), reasons.get(i), totals);
              } else if (reasons.get(i) != RepairReason.STALE) {
                // Refused as stale although absent: a deleted document's tombstone still holds its
                // (higher) version. Tombstones live for the index's gc_deletes (2 s in
                // listings-v2.json); wait that out and write again.
                retry.add(ready.get(i));
                retryReasons.add(reasons.get(i));
              }
            }
            return retry.isEmpty() ? Mono.<Void>empty() : afterTombstones(retry, retryReasons, totals);
          }));
    });
  }

  private Mono<Void> afterTombstones(List<ListingDocument> documents, List<RepairReason> reasons, Totals totals) {
    return Mono.delay(TOMBSTONE_WAIT)
        .then(index.currentIndex())
        .flatMap(current -> current.map(index::refresh).orElse(Mono.empty()))
        .then(index.versions(documents.stream().map(ListingDocument::id).toList()))
        .flatMap(versions -> {
          var again = new ArrayList<ListingDocument>();
          var againReasons = new ArrayList<RepairReason>();
          for (var i = 0; i < documents.size(); i++) {
            var indexed = versions.get(documents.get(i).id());
            if (indexed == null || indexed > documents.get(i).version()) {
              again.add(documents.get(i));
              againReasons.add(reasons.get(i));
            }
          }
          if (again.isEmpty()) {
            return Mono.<Void>empty();
          }
          // Still ahead: the delete before was overtaken by the corrupt write's retry; delete again.
          var corrupt = again.stream().filter(d -> versions.get(d.id()) != null).map(ListingDocument::id).toList();
          return Flux.fromIterable(corrupt).concatMap(index::delete)
              .then(corrupt.isEmpty() ? Mono.<Void>empty() : Mono.delay(TOMBSTONE_WAIT).then(
                  index.currentIndex().flatMap(current -> current.map(index::refresh).orElse(Mono.empty()))))
              .then(index.write(again))
              .doOnNext(results -> {
                for (var i = 0; i < results.size(); i++) {
                  var result = results.get(i);
                  if (result.failure() == null && result.outcome() == ElasticsearchListingIndex.IndexOutcome.INDEXED) {
                    repaired(again.get(i), againReasons.get(i), totals);
                  } else {
                    log.warn("Reconciliation could not repair listing {} yet; the next run tries again", again.get(i).id());
                  }
                }
              })
              .then();
        });
  }

  private void repaired(ListingDocument document, RepairReason reason, Totals totals) {
    metrics.repaired(reason);
    totals.count(reason);
    log.info("Reconciliation repaired listing {} ({})", document.id(), reason.tag());
  }

  private Mono<List<ListingDocument>> embedded(List<ListingDocument> documents) {
    return properties.embedding().enabled() ? embeddings.embed(documents) : Mono.just(documents);
  }

  private static final class Totals {
    final AtomicLong checked = new AtomicLong();
    final AtomicLong missing = new AtomicLong();
    final AtomicLong stale = new AtomicLong();
    final AtomicLong ahead = new AtomicLong();

    void count(RepairReason reason) {
      (switch (reason) {
        case MISSING -> missing;
        case STALE -> stale;
        case AHEAD -> ahead;
      }).incrementAndGet();
    }

    Report report() {
      return new Report(checked.get(), missing.get(), stale.get(), ahead.get());
    }
  }

  /** What one run found and repaired. */
  record Report(long checked, long missing, long stale, long ahead) {
    long repaired() {
      return missing + stale + ahead;
    }
  }
}
