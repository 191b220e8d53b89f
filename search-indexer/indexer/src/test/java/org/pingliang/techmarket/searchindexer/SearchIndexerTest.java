package org.pingliang.techmarket.searchindexer;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The indexer reaches the real Elasticsearch node with the official client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class SearchIndexerTest {

  @Autowired
  WebTestClient http;

  @Autowired
  ElasticsearchAsyncClient elasticsearch;

  @Test
  void health_reports_elasticsearch_and_redis_up() {
    http.get().uri("/actuator/health").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.components.elasticsearch.status").isEqualTo("UP")
        .jsonPath("$.components.redis.status").isEqualTo("UP");
  }

  @Test
  void the_official_client_reads_the_node_version() throws Exception {
    var info = elasticsearch.info().get();
    assertThat(info.version().number()).startsWith("9.");
  }

  @Test
  void chinese_text_is_split_into_bigrams_by_the_cjk_analyzer() throws Exception {
    var tokens = elasticsearch.indices().analyze(a -> a.analyzer("cjk").text("锂电池材料")).get().tokens();
    assertThat(tokens).extracting(AnalyzeToken::token).containsExactly("锂电", "电池", "池材", "材料");
  }
}
