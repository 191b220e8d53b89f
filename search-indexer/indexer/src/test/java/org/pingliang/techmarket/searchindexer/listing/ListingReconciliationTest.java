package org.pingliang.techmarket.searchindexer.listing;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The reconciliation against the real index: documents deleted or corrupted behind the indexer's
 * back are repaired from the database's snapshots, and counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ListingReconciliationTest {

  @Autowired
  ElasticsearchAsyncClient elasticsearch;

  @Autowired
  ElasticsearchListingIndex index;

  @Autowired
  ListingEmbeddings embeddings;

  @Autowired
  IndexerProperties properties;

  @Autowired
  IndexerMetrics metrics;

  @Autowired
  MeterRegistry meters;

  @Autowired
  RedisLock lock;

  @Autowired
  IndexerCommand command;

  @Test
  void deleted_stale_and_corrupt_documents_are_repaired_and_counted_and_a_second_run_finds_nothing() throws Exception {
    var deleted = UUID.randomUUID();
    var stale = UUID.randomUUID();
    var corrupt = UUID.randomUUID();
    var intact = UUID.randomUUID();
    var database = new InMemoryListingSnapshots()
        .put("Achievement", deleted, 3, ListingTestEvents.achievement("庄浪马铃薯全程机械化", "PUBLISHED"))
        .put("Achievement", stale, 4, ListingTestEvents.achievement("静宁苹果水肥一体化", "WITHDRAWN"))
        .put("Achievement", corrupt, 2, ListingTestEvents.achievement("平凉红牛冻精改良", "PUBLISHED"))
        .put("Achievement", intact, 1, ListingTestEvents.achievement("崆峒山文旅数字导览", "PUBLISHED"));
    index.createIfMissing().block();
    // The index as the consumer left it, with vectors...
    index.write(embeddings.embedBlocking(List.of(
        ListingTestEvents.achievementDocument(deleted, 3, "庄浪马铃薯全程机械化"),
        ListingTestEvents.achievementDocument(intact, 1, "崆峒山文旅数字导览")))).block();
    // ...but behind its back one document was deleted, one missed its last three events, and one
    // holds a version the database never reached.
    elasticsearch.delete(d -> d.index(index.alias()).id(deleted.toString())).get();
    rawWrite(stale, 1, "篡改的标题");
    rawWrite(corrupt, 9, "伪造的版本");

    var missingBefore = repairs("missing");
    var staleBefore = repairs("stale");
    var aheadBefore = repairs("ahead");
    var reconciliation = new ListingReconciliation(index, database, embeddings, properties, metrics, lock, command);

    var report = reconciliation.run().block();

    assertThat(report.checked()).isEqualTo(4);
    assertThat(report.missing()).isEqualTo(1);
    assertThat(report.stale()).isEqualTo(1);
    assertThat(report.ahead()).isEqualTo(1);
    assertThat(repairs("missing")).isEqualTo(missingBefore + 1);
    assertThat(repairs("stale")).isEqualTo(staleBefore + 1);
    assertThat(repairs("ahead")).isEqualTo(aheadBefore + 1);

    assertDocument(deleted, 3, "庄浪马铃薯全程机械化", true);
    assertDocument(stale, 4, "静宁苹果水肥一体化", false);
    assertDocument(corrupt, 2, "平凉红牛冻精改良", true);
    assertDocument(intact, 1, "崆峒山文旅数字导览", true);

    var again = reconciliation.run().block();
    assertThat(again.checked()).isEqualTo(4);
    assertThat(again.repaired()).isZero();
  }

  private void rawWrite(UUID id, long version, String title) throws Exception {
    var document = ListingTestEvents.achievementDocument(id, version, title);
    elasticsearch.index(i -> i.index(index.alias()).id(id.toString()).version(version)
        .versionType(VersionType.External).document(document.source())).get();
  }

  @SuppressWarnings("rawtypes")
  private void assertDocument(UUID id, long version, String title, boolean visible) throws Exception {
    var response = elasticsearch.get(g -> g.index(index.alias()).id(id.toString()), Map.class).get();
    assertThat(response.found()).as("document %s", id).isTrue();
    assertThat(response.version()).isEqualTo(version);
    assertThat(response.source()).containsEntry("title", title).containsEntry("visible", visible)
        .containsEntry("embeddingModel", "bge-small-zh-v1.5-q");
    // Vectors are left out of _source by default; ask the index whether this document has one (after a
    // refresh: the repair's last write need not be searchable yet).
    elasticsearch.indices().refresh(r -> r.index(index.alias())).get();
    var withVector = elasticsearch.count(c -> c.index(index.alias()).query(q -> q.bool(b -> b
        .filter(f -> f.ids(i -> i.values(id.toString())))
        .filter(f -> f.exists(e -> e.field("embedding")))))).get().count();
    assertThat(withVector).as("document %s has a vector", id).isEqualTo(1);
  }

  private double repairs(String reason) {
    return meters.get("techmarket.indexer.reconciliation.repairs").tag("reason", reason).counter().count();
  }
}
