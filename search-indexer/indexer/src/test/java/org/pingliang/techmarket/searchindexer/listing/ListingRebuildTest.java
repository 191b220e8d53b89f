package org.pingliang.techmarket.searchindexer.listing;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import reactor.core.publisher.Mono;

/**
 * Full rebuilds on the real cluster, each test under its own index prefix so the application's
 * own index is not touched: the new index gets every listing of the source, writes that happen
 * while it is being filled reach it too, and the alias moves in one step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ListingRebuildTest {

  @Autowired
  ElasticsearchAsyncClient elasticsearch;

  @Autowired
  ListingEmbeddings embeddings;

  @Autowired
  IndexerProperties properties;

  @Autowired
  IndexerMetrics metrics;

  @Autowired
  RedisLock lock;

  private final String prefix = "test-rebuild-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  private ElasticsearchListingIndex index;

  @AfterEach
  void dropIndices() throws Exception {
    if (index != null) {
      for (var name : index.concreteIndices().block()) {
        index.deleteIndex(name).block();
      }
    }
  }

  private ListingRebuild rebuild(ListingSnapshots database, int pageSize) {
    index = new ElasticsearchListingIndex(elasticsearch, prefix);
    var settings = new IndexerProperties(true, "unused", "unused", 10, Duration.ofSeconds(1), 3, Duration.ofMillis(50),
        Duration.ofSeconds(1), Duration.ofMinutes(5), properties.refreshWhenCaughtUp(), properties.embedding(),
        new IndexerProperties.Reindex(pageSize, false, Duration.ofSeconds(30)), properties.reconciliation(),
        properties.marketplace());
    return new ListingRebuild(index, database, embeddings, settings, metrics, lock);
  }

  @Test
  void a_rebuild_from_the_database_copies_every_listing_keeps_writes_made_meanwhile_and_swaps_the_alias()
      throws Exception {
    var database = new InMemoryListingSnapshots();
    var ids = new ArrayList<UUID>();
    for (var i = 0; i < 7; i++) {
      var id = UUID.randomUUID();
      ids.add(id);
      database.put(i % 2 == 0 ? "Achievement" : "Demand", id, 2,
          i % 2 == 0 ? ListingTestEvents.achievement("成果 " + i, "PUBLISHED")
              : "{\"status\":\"OPEN\",\"title\":\"需求 " + i + "\",\"problem\":\"冷库能耗高\"}");
    }
    var sorted = ids.stream().sorted(java.util.Comparator.comparing(UUID::toString)).toList();
    var rebuild = rebuild(database, 3);
    index.createIfMissing().block();
    var before = index.currentIndex().block().orElseThrow();
    // The old index: a stale copy of the first listing only.
    index.write(List.of(ListingTestEvents.achievementDocument(sorted.getFirst(), 1, "旧标题"))).block();

    var changedMeanwhile = sorted.getFirst();
    var createdMeanwhile = UUID.randomUUID();
    database.afterPage(page -> page != 1 ? Mono.empty()
        // While the rebuild runs (its first page, with changedMeanwhile, is already copied), the
        // stream consumer writes a newer version of it and a brand-new listing, through the alias.
        : index.write(embeddings.embedBlocking(List.of(
            ListingTestEvents.achievementDocument(changedMeanwhile, 5, "洽谈后更新的标题"),
            ListingTestEvents.achievementDocument(createdMeanwhile, 1, "重建期间新发布的成果")))).then());

    var report = rebuild.rebuildFromDatabase().block();

    assertThat(report.documents()).isEqualTo(7);
    assertThat(report.previousIndex()).isEqualTo(before);
    var after = index.currentIndex().block().orElseThrow();
    assertThat(after).isEqualTo(report.index()).isNotEqualTo(before);
    assertThat(index.buildingIndex().block()).isEmpty();
    assertThat(index.concreteIndices().block()).containsExactlyInAnyOrder(before, after);

    elasticsearch.indices().refresh(r -> r.index(index.alias())).get();
    assertThat(elasticsearch.count(c -> c.index(index.alias())).get().count()).isEqualTo(8);
    assertThat(version(changedMeanwhile)).isEqualTo(5);
    assertThat(source(changedMeanwhile)).containsEntry("title", "洽谈后更新的标题");
    assertThat(version(createdMeanwhile)).isEqualTo(1);
    for (var id : sorted.subList(1, sorted.size())) {
      assertThat(version(id)).isEqualTo(2);
      assertThat(source(id)).containsEntry("embeddingModel", "bge-small-zh-v1.5-q");
    }
  }

  @Test
  void an_index_of_an_older_mapping_is_rebuilt_from_its_own_documents_with_vectors() throws Exception {
    var rebuild = rebuild(new InMemoryListingSnapshots(), 2);
    var old = prefix + "listings-v1";
    String v1;
    try (var stream = getClass().getResourceAsStream("/elasticsearch/listings-v1.json")) {
      v1 = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }
    elasticsearch.indices().create(c -> c.index(old).withJson(new StringReader(v1))
        .aliases(index.alias(), a -> a.isWriteIndex(true))).get();
    var ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    index.write(List.of(
        ListingTestEvents.achievementDocument(ids.get(0), 3, "马铃薯晚疫病预警"),
        ListingTestEvents.achievementDocument(ids.get(1), 1, "苹果套袋机械"),
        ListingTestEvents.achievementDocument(ids.get(2), 7, "煤矸石综合利用"))).block();
    assertThat(index.isOlderMapping(old)).isTrue();

    var report = rebuild.rebuildFromCurrentIndex().block();

    assertThat(report.documents()).isEqualTo(3);
    assertThat(index.isOlderMapping(report.index())).isFalse();
    assertThat(index.currentIndex().block()).contains(report.index());
    assertThat(version(ids.get(2))).isEqualTo(7);
    var source = source(ids.get(0));
    assertThat(source).containsEntry("title", "马铃薯晚疫病预警").containsEntry("embeddingModel", "bge-small-zh-v1.5-q");
  }

  @SuppressWarnings("rawtypes")
  private long version(UUID id) throws Exception {
    var response = elasticsearch.get(g -> g.index(index.alias()).id(id.toString()), Map.class).get();
    assertThat(response.found()).as("document %s", id).isTrue();
    return response.version();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> source(UUID id) throws Exception {
    return elasticsearch.get(g -> g.index(index.alias()).id(id.toString()), Map.class).get().source();
  }
}
