package org.pingliang.techmarket.searchindexer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.events.EventEnvelope;
import org.pingliang.techmarket.events.EventStreams;
import org.pingliang.techmarket.searchindexer.listing.IndexerProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Service offer/request events written to the real services stream end up in the real services
 * index: Chinese analysis with synonyms, a vector, external versions (a replayed older event never
 * regresses a document), withdrawn ones invisible, malformed entries parked, everything acknowledged.
 */
// Same configuration as SearchIndexerTest, so all share one context and one consumer.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ServiceEventIndexingTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Autowired
  ReactiveStringRedisTemplate redis;

  @Autowired
  ElasticsearchAsyncClient elasticsearch;

  @Autowired
  ElasticsearchServiceIndex index;

  @Autowired
  IndexerProperties properties;

  @Autowired
  ServiceEventConsumer consumer;

  @Test
  void an_offer_is_indexed_with_a_vector_found_under_a_synonym_and_a_replayed_older_event_does_not_bring_it_back()
      throws Exception {
    var id = UUID.randomUUID();
    append(offerEvent("ServiceOfferPublished", id, 1, "马铃薯晚疫病防控培训", "ACTIVE"));
    await().atMost(PATIENCE).untilAsserted(() -> {
      var document = document(id);
      assertThat(document.version()).isEqualTo(1);
      assertThat(document.source()).containsEntry("kind", "OFFER").containsEntry("visible", true)
          .containsEntry("commissionerSubject", "subject-1").containsEntry("embeddingModel", "bge-small-zh-v1.5-q")
          .containsEntry("counties", List.of("620825", "620826"));
    });
    assertThat(searchTitle("土豆", id)).containsExactly(id.toString());

    append(offerEvent("ServiceOfferWithdrawn", id, 3, "马铃薯晚疫病防控培训", "WITHDRAWN"));
    append(offerEvent("ServiceOfferUpdated", id, 2, "马铃薯晚疫病防控培训", "ACTIVE"));
    var marker = UUID.randomUUID();
    append(offerEvent("ServiceOfferPublished", marker, 1, "标记", "ACTIVE"));
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(document(marker).version()).isEqualTo(1));
    var document = document(id);
    assertThat(document.version()).isEqualTo(3);
    assertThat(document.source()).containsEntry("visible", false).containsEntry("status", "WITHDRAWN");
  }

  @Test
  void a_consumer_stopped_and_started_again_still_embeds_and_indexes() {
    consumer.stop();
    consumer.start();
    var id = UUID.randomUUID();
    append(offerEvent("ServiceOfferPublished", id, 1, "设施蔬菜水肥一体化", "ACTIVE"));
    // The vector itself is not in _source (Elasticsearch 9 leaves dense vectors out); its model is.
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(document(id).source())
        .containsEntry("embeddingModel", "bge-small-zh-v1.5-q").containsEntry("visible", true));
  }

  @Test
  void a_request_is_indexed_with_its_requester_and_county() {
    var id = UUID.randomUUID();
    var payload = """
        {"id":"%s","title":"苹果树腐烂病防治","problem":"树皮溃烂","expectedHelp":"现场指导","technologyField":"AGRICULTURE",
         "serviceType":null,"countyCode":"620826","deadline":"2027-03-31",
         "requester":{"kind":"VILLAGE","organisationId":null,"organisationName":null,"placeName":"静宁县测试村","villageId":null},
         "status":"OPEN","statusReason":null,"publishedAt":"2026-11-01T08:00:00Z","updatedAt":"2026-11-01T08:00:00Z","version":1}
        """.formatted(id);
    append(new EventEnvelope(UUID.randomUUID(), "ServiceRequestPosted", "ServiceRequest", id, 1, Instant.now(), 1, payload));
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(document(id).source())
        .containsEntry("kind", "REQUEST").containsEntry("visible", true).containsEntry("counties", List.of("620826"))
        .containsEntry("requesterKind", "VILLAGE").containsEntry("placeName", "静宁县测试村")
        .doesNotContainKey("serviceType"));
  }

  @Test
  void a_malformed_entry_is_parked_and_nothing_stays_pending() {
    var malformed = redis.opsForStream()
        .add(StreamRecords.newRecord().in(EventStreams.SERVICES).ofMap(Map.of("type", "NotAnEnvelope"))).block();
    var id = UUID.randomUUID();
    append(offerEvent("ServiceOfferPublished", id, 1, "果园土壤检测", "ACTIVE"));
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(document(id).version()).isEqualTo(1));
    var parked = redis.opsForStream().range(ServiceEventConsumer.PARKED, Range.unbounded())
        .filter(entry -> malformed.getValue().equals(entry.getValue().get("parkedEntryId")))
        .collectList().block();
    assertThat(parked).singleElement()
        .satisfies(entry -> assertThat(String.valueOf(entry.getValue().get("error"))).contains("eventId"));
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(
        redis.opsForStream().pending(EventStreams.SERVICES, properties.consumerGroup()).block()
            .getTotalPendingMessages()).isZero());
  }

  private void append(EventEnvelope event) {
    redis.opsForStream().add(StreamRecords.newRecord().in(EventStreams.SERVICES).ofMap(event.toStreamFields())).block();
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

  private static EventEnvelope offerEvent(String type, UUID id, long version, String title, String status) {
    var payload = """
        {"id":"%s","title":"%s","description":"田间识别与科学用药","technologyField":"AGRICULTURE",
         "serviceType":"TRAINING","counties":["620825","620826"],"modes":["ON_SITE"],"status":"%s","statusReason":null,
         "commissioner":{"subject":"subject-1","name":"测试特派员"},"publishedAt":"2026-11-01T08:00:00Z",
         "updatedAt":"2026-11-01T08:00:00Z","version":%d}
        """.formatted(id, title, status, version);
    return new EventEnvelope(UUID.randomUUID(), type, "ServiceOffer", id, version, Instant.now(), 1, payload);
  }
}
