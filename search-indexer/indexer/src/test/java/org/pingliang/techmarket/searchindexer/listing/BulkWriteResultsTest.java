package org.pingliang.techmarket.searchindexer.listing;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * What one bulk request tells the consumer, item by item, now that the cluster sends only each
 * item's index, status and error ({@link ElasticsearchListingIndex#BULK_RESPONSE_FILTER}) and the
 * request goes out as one body: a new document is indexed, an older version is stale, and a
 * document the mapping refuses carries the cluster's reason, in the request's order.
 */
// Same configuration as the other tests, so all share one context.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class BulkWriteResultsTest {

  @Autowired
  ElasticsearchAsyncClient elasticsearch;

  private final String prefix = "test-bulk-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  private ElasticsearchListingIndex live;

  @AfterEach
  void dropIndices() {
    if (live != null) {
      for (var name : live.concreteIndices().block()) {
        live.deleteIndex(name).block();
      }
    }
  }

  @Test
  void each_item_reports_indexed_stale_or_refused_with_the_clusters_reason() {
    live = new ElasticsearchListingIndex(elasticsearch, prefix);
    live.createIfMissing().block();
    var kept = document(UUID.randomUUID(), 3, "2026-11-01T08:00:00Z");
    assertThat(live.write(List.of(kept)).block()).singleElement()
        .satisfies(result -> assertThat(result.outcome()).isEqualTo(ElasticsearchListingIndex.IndexOutcome.INDEXED));

    var fresh = document(UUID.randomUUID(), 1, "2026-11-02T08:00:00Z");
    var older = document(kept.id(), 2, "2026-11-01T08:00:00Z");
    var unreadableDate = document(UUID.randomUUID(), 1, "not a date");
    var results = live.write(List.of(fresh, older, unreadableDate)).block();

    assertThat(results).hasSize(3);
    assertThat(results.get(0).outcome()).isEqualTo(ElasticsearchListingIndex.IndexOutcome.INDEXED);
    assertThat(results.get(1).outcome()).isEqualTo(ElasticsearchListingIndex.IndexOutcome.STALE);
    assertThat(results.get(2).failure()).isNotNull();
    assertThat(results.get(2).failure().getMessage()).contains("HTTP 400").contains("publishedAt");
    assertThat(ElasticsearchListingIndex.isRejection(results.get(2).failure())).isTrue();
    assertThat(live.versions(List.of(kept.id())).block()).containsEntry(kept.id(), 3L);
  }

  private static ListingDocument document(UUID id, long version, String publishedAt) {
    var source = new LinkedHashMap<String, Object>();
    source.put("id", id.toString());
    source.put("type", "ACHIEVEMENT");
    source.put("status", "PUBLISHED");
    source.put("visible", true);
    source.put("version", version);
    source.put("title", "马铃薯脱毒种薯快繁技术");
    source.put("publishedAt", publishedAt);
    return new ListingDocument(id, version, source);
  }
}
