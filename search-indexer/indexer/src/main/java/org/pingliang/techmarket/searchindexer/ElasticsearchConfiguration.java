package org.pingliang.techmarket.searchindexer;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The official Java client, asynchronous so that no call blocks an event-loop thread. */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

  @Bean(destroyMethod = "close")
  Rest5Client elasticsearchRestClient(ElasticsearchProperties properties) {
    var url = properties.url();
    var timeout = Timeout.ofMilliseconds(properties.requestTimeout().toMillis());
    return Rest5Client.builder(new HttpHost(url.getScheme(), url.getHost(), url.getPort()))
        .setRequestConfigCallback(config -> config.setResponseTimeout(timeout).setConnectionRequestTimeout(timeout))
        .build();
  }

  @Bean
  ElasticsearchAsyncClient elasticsearchClient(Rest5Client restClient) {
    return new ElasticsearchAsyncClient(new IndexerTransport(restClient, new Jackson3JsonpMapper()));
  }
}
