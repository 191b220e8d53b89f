package org.pingliang.techmarket.searchindexer.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.events.EventEnvelope;
import org.pingliang.techmarket.events.EventStreams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Listing events written to the real Redis Stream end up in the real Elasticsearch index. Every
 * test uses fresh aggregate ids, so runs against the same services never see each other's data.
 */
// Same configuration as SearchIndexerTest, so both share one context and one consumer.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ListingEventIndexingTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired
  ReactiveStringRedisTemplate redis;

  @Autowired
  ElasticsearchAsyncClient elasticsearch;

  @Autowired
  ElasticsearchListingIndex index;

  @Autowired
  IndexerProperties properties;

  @Autowired
  MeterRegistry meters;

  @Autowired
  Rest5Client restClient;

  @Autowired
  org.pingliang.techmarket.search.embedding.TextEmbedder embedder;

  @Test
  void a_published_achievement_is_visible_and_found_under_a_synonym_of_its_title() {
    var id = UUID.randomUUID();
    append(achievementEvent("AchievementPublished", id, 3, "庄浪马铃薯脱毒种薯繁育技术", "PUBLISHED"));

    await().atMost(PATIENCE).untilAsserted(() -> {
      var document = document(id);
      assertThat(document.version()).isEqualTo(3);
      assertThat(document.source()).containsEntry("visible", true).containsEntry("type", "ACHIEVEMENT")
          .containsEntry("priceFen", 1234500);
    });
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(searchTitle("土豆", id)).containsExactly(id.toString()));
  }

  @Test
  void every_document_gets_a_vector_and_a_knn_query_finds_the_listing_that_means_the_same() throws Exception {
    var potato = UUID.randomUUID();
    var coal = UUID.randomUUID();
    append(achievementEvent("AchievementPublished", potato, 1, "马铃薯脱毒种薯繁育与高产栽培", "PUBLISHED"));
    append(achievementEvent("AchievementPublished", coal, 1, "煤矿井下瓦斯智能监测预警", "PUBLISHED"));
    await().atMost(PATIENCE).untilAsserted(() -> {
      assertThat(document(potato).source()).containsEntry("embeddingModel", "bge-small-zh-v1.5-q");
      assertThat(document(coal).version()).isEqualTo(1);
    });

    // 土豆 never occurs in either text: only the vectors can tell which one is about potatoes.
    var query = embedder.embedQuery("土豆怎么种产量高");
    var vector = new java.util.ArrayList<Float>();
    for (var v : query) {
      vector.add(v);
    }
    elasticsearch.indices().refresh(refresh -> refresh.index(index.alias())).get();
    var hits = elasticsearch.search(search -> search.index(index.alias())
            .knn(knn -> knn.field("embedding").queryVector(vector).k(2).numCandidates(50)
                .filter(filter -> filter.ids(ids -> ids.values(potato.toString(), coal.toString())))), Map.class)
        .get().hits().hits().stream().map(Hit::id).toList();
    assertThat(hits).containsExactly(potato.toString(), coal.toString());
  }

  @Test
  void a_withdrawal_hides_the_achievement_and_a_replayed_older_publication_does_not_bring_it_back() throws Exception {
    var id = UUID.randomUUID();
    append(achievementEvent("AchievementPublished", id, 2, "静宁苹果冷链保鲜", "PUBLISHED"));
    append(achievementEvent("AchievementWithdrawn", id, 3, "静宁苹果冷链保鲜", "WITHDRAWN"));
    await().atMost(PATIENCE).untilAsserted(() -> {
      var document = document(id);
      assertThat(document.version()).isEqualTo(3);
      assertThat(document.source()).containsEntry("visible", false).containsEntry("status", "WITHDRAWN");
    });

    var conflictsBefore = count("techmarket.indexer.conflicts");
    append(achievementEvent("AchievementPublished", id, 2, "静宁苹果冷链保鲜", "PUBLISHED"));
    awaitEverythingBeforeHandled();

    var document = document(id);
    assertThat(document.version()).isEqualTo(3);
    assertThat(document.source()).containsEntry("visible", false).containsEntry("status", "WITHDRAWN");
    // The marker is readable as soon as the cluster has it, a moment before the consumer counts the
    // bulk answer's outcomes: wait for the count too.
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(count("techmarket.indexer.conflicts")).isGreaterThan(conflictsBefore));
  }

  @Test
  void events_delivered_out_of_order_end_at_the_newest_version() throws Exception {
    var id = UUID.randomUUID();
    append(demandEvent("DemandNegotiationStarted", id, 3, "IN_NEGOTIATION"));
    append(demandEvent("DemandUpdated", id, 2, "OPEN"));
    awaitEverythingBeforeHandled();

    var document = document(id);
    assertThat(document.version()).isEqualTo(3);
    assertThat(document.source()).containsEntry("status", "IN_NEGOTIATION").containsEntry("visible", true)
        .containsEntry("type", "DEMAND").containsEntry("budgetMaxFen", 5000000);
  }

  @Test
  void a_malformed_entry_is_parked_and_the_events_after_it_are_still_indexed() {
    var parkedBefore = count("techmarket.indexer.parked");
    var malformed = redis.opsForStream()
        .add(StreamRecords.newRecord().in(EventStreams.LISTINGS).ofMap(Map.of("type", "NotAnEnvelope")))
        .block();
    var id = UUID.randomUUID();
    append(achievementEvent("AchievementPublished", id, 1, "平凉红牛肉质改良", "PUBLISHED"));

    await().atMost(PATIENCE).untilAsserted(() -> assertThat(document(id).version()).isEqualTo(1));
    var parked = redis.opsForStream().range(RedisListingEvents.PARKED, Range.unbounded())
        .filter(entry -> malformed.getValue().equals(entry.getValue().get("parkedEntryId")))
        .collectList()
        .block();
    assertThat(parked).singleElement()
        .satisfies(entry -> assertThat(String.valueOf(entry.getValue().get("error"))).contains("eventId"));
    assertThat(count("techmarket.indexer.parked")).isGreaterThan(parkedBefore);
  }

  @Test
  void every_entry_is_acknowledged_after_processing() {
    var id = UUID.randomUUID();
    append(demandEvent("DemandOpened", id, 1, "OPEN"));
    append(demandEvent("DemandClosed", id, 2, "CLOSED"));

    await().atMost(PATIENCE).untilAsserted(() -> assertThat(document(id).source()).containsEntry("visible", false));
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(
        redis.opsForStream().pending(EventStreams.LISTINGS, properties.consumerGroup()).block()
            .getTotalPendingMessages()).isZero());
  }

  @Test
  void a_change_made_while_the_consumer_is_caught_up_is_searchable_without_a_periodic_refresh() throws Exception {
    // Periodic refreshes off: only the consumer's own refresh can make the document searchable.
    elasticsearch.indices().putSettings(put -> put.index(index.alias())
        .settings(settings -> settings.refreshInterval(interval -> interval.time("-1")))).get();
    try {
      var id = UUID.randomUUID();
      append(achievementEvent("AchievementPublished", id, 1, "崆峒区中药材种植技术", "PUBLISHED"));

      await().atMost(PATIENCE).untilAsserted(() -> assertThat(elasticsearch.count(count -> count.index(index.alias())
          .query(query -> query.ids(ids -> ids.values(id.toString())))).get().count()).isEqualTo(1));
    } finally {
      // Back to the default (null, not an explicit 1s, which would also end search-idle shards).
      var reset = new Request("PUT", "/" + index.alias() + "/_settings");
      reset.setJsonEntity("{\"index\":{\"refresh_interval\":null}}");
      restClient.performRequest(reset);
    }
  }

  /** The consumer handles entries in stream order, so once a later marker is indexed, all before it are done. */
  private void awaitEverythingBeforeHandled() {
    var marker = UUID.randomUUID();
    append(achievementEvent("AchievementCreated", marker, 1, "标记", "DRAFT"));
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(document(marker).version()).isEqualTo(1));
  }

  private double count(String counter) {
    return meters.get(counter).counter().count();
  }

  private RecordId append(EventEnvelope event) {
    return redis.opsForStream()
        .add(StreamRecords.newRecord().in(EventStreams.LISTINGS).ofMap(event.toStreamFields()))
        .block();
  }

  @SuppressWarnings("rawtypes")
  private GetResponse<Map> document(UUID id) throws Exception {
    var response = elasticsearch.get(get -> get.index(index.alias()).id(id.toString()), Map.class).get();
    assertThat(response.found()).as("document %s indexed", id).isTrue();
    return response;
  }

  private List<String> searchTitle(String text, UUID id) throws Exception {
    elasticsearch.indices().refresh(refresh -> refresh.index(index.alias())).get();
    return elasticsearch.search(search -> search.index(index.alias())
            .query(query -> query.bool(bool -> bool
                .must(must -> must.match(match -> match.field("title").query(text)))
                .filter(filter -> filter.ids(ids -> ids.values(id.toString()))))), Map.class)
        .get().hits().hits().stream().map(Hit::id).toList();
  }

  private static EventEnvelope achievementEvent(String type, UUID id, long version, String title, String status) {
    var payload = """
        {"id":"%s","organisation":{"id":"01941f29-7c00-7000-8000-000000000001","name":"平凉市农业科学院"},
         "title":"%s","summary":"适合平凉山区推广","description":"从试验到示范的完整技术方案",
         "technologyField":"AGRICULTURE","industryTags":["种植"],"maturity":"PILOT","trl":6,"ip":null,
         "transferModes":["LICENSE","TRANSFER"],"askingPrice":{"amountFen":1234500,"currency":"CNY"},
         "priceNegotiable":false,"regionCode":"620825","status":"%s","statusReason":null,"externalId":null,
         "publishedAt":"2026-11-01T08:00:00Z","createdAt":"2026-10-01T08:00:00Z",
         "updatedAt":"2026-11-01T08:00:00Z","version":%d}
        """.formatted(id, title, status, version);
    return new EventEnvelope(UUID.randomUUID(), type, "Achievement", id, version, Instant.now(), 1, payload);
  }

  private static EventEnvelope demandEvent(String type, UUID id, long version, String status) {
    var payload = """
        {"id":"%s","organisation":{"id":"01941f29-7c00-7000-8000-000000000002","name":"平凉红牛集团"},
         "title":"牛肉冷链物流温控","problem":"运输途中温度波动","expectedOutcome":"全程温度可追溯",
         "budget":{"min":{"amountFen":1000000,"currency":"CNY"},"max":{"amountFen":5000000,"currency":"CNY"},
         "negotiable":false},"deadline":"2027-03-31","cooperationModes":["JOINT_DEVELOPMENT"],
         "industryTags":["冷链"],"technologyField":"MODERN_TRANSPORT","regionCode":"620802","challenge":false,
         "bounty":null,"status":"%s","statusReason":null,"publishedAt":"2026-11-01T08:00:00Z",
         "createdAt":"2026-10-01T08:00:00Z","updatedAt":"2026-11-01T08:00:00Z","version":%d}
        """.formatted(id, status, version);
    return new EventEnvelope(UUID.randomUUID(), type, "Demand", id, version, Instant.now(), 1, payload);
  }
}
