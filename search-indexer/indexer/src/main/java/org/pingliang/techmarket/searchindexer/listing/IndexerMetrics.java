package org.pingliang.techmarket.searchindexer.listing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** What the indexer did with the entries it read, as Prometheus counters. */
@Component
class IndexerMetrics {

  private final MeterRegistry registry;
  private final Counter indexed;
  private final Counter conflicts;
  private final Counter parked;
  private final Counter embedded;
  private final Counter rebuilt;

  IndexerMetrics(MeterRegistry registry) {
    this.registry = registry;
    indexed = Counter.builder("techmarket.indexer.indexed")
        .description("listing events written to the index").register(registry);
    conflicts = Counter.builder("techmarket.indexer.conflicts")
        .description("listing events older than the indexed document, acknowledged without a write")
        .register(registry);
    parked = Counter.builder("techmarket.indexer.parked")
        .description("listing events moved to the parked stream").register(registry);
    embedded = Counter.builder("techmarket.indexer.embeddings")
        .description("texts run through the embedding model (cache misses)").register(registry);
    rebuilt = Counter.builder("techmarket.indexer.rebuild.documents")
        .description("documents written by full rebuilds").register(registry);
    for (var reason : RepairReason.values()) {
      repairs(reason);
    }
  }

  void record(ElasticsearchListingIndex.IndexOutcome outcome) {
    (outcome == ElasticsearchListingIndex.IndexOutcome.INDEXED ? indexed : conflicts).increment();
  }

  void parked() {
    parked.increment();
  }

  void embedded(int texts) {
    embedded.increment(texts);
  }

  void rebuilt(int documents) {
    rebuilt.increment(documents);
  }

  void repaired(RepairReason reason) {
    repairs(reason).increment();
  }

  private Counter repairs(RepairReason reason) {
    return Counter.builder("techmarket.indexer.reconciliation.repairs")
        .description("documents the reconciliation rewrote because the index differed from the database")
        .tag("reason", reason.tag())
        .register(registry);
  }

  /** Why the reconciliation rewrote a document. */
  enum RepairReason {
    /** The database has the listing, the index does not. */
    MISSING("missing"),
    /** The index holds an older version than the database. */
    STALE("stale"),
    /** The index holds a version the database never reached: corrupt, so replaced. */
    AHEAD("ahead");

    private final String tag;

    RepairReason(String tag) {
      this.tag = tag;
    }

    String tag() {
      return tag;
    }
  }
}
