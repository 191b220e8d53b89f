package org.pingliang.techmarket.searchindexer.listing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** What the indexer did with the entries it read, as Prometheus counters. */
@Component
class IndexerMetrics {

  private final Counter indexed;
  private final Counter conflicts;
  private final Counter parked;

  IndexerMetrics(MeterRegistry registry) {
    indexed = Counter.builder("techmarket.indexer.indexed")
        .description("listing events written to the index").register(registry);
    conflicts = Counter.builder("techmarket.indexer.conflicts")
        .description("listing events older than the indexed document, acknowledged without a write")
        .register(registry);
    parked = Counter.builder("techmarket.indexer.parked")
        .description("listing events moved to the parked stream").register(registry);
  }

  void record(ElasticsearchListingIndex.IndexOutcome outcome) {
    (outcome == ElasticsearchListingIndex.IndexOutcome.INDEXED ? indexed : conflicts).increment();
  }

  void parked() {
    parked.increment();
  }
}
