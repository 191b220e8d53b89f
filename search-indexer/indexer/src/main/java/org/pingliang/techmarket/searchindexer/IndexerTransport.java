package org.pingliang.techmarket.searchindexer;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.transport.instrumentation.Instrumentation;
import co.elastic.clients.transport.rest5_client.Rest5ClientHttpClient;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;

/**
 * The official client's transport over the low-level REST client, as {@link Rest5ClientTransport}
 * is, except that request bodies go out in one piece (see {@link ContiguousBodyHttpClient}).
 */
final class IndexerTransport extends ElasticsearchTransportBase {

  IndexerTransport(Rest5Client restClient, JsonpMapper mapper) {
    // No options and no instrumentation: the defaults Rest5ClientTransport gets.
    this(new ContiguousBodyHttpClient(new Rest5ClientHttpClient(restClient)), null, mapper, null);
  }

  private IndexerTransport(TransportHttpClient httpClient, TransportOptions options, JsonpMapper mapper,
      Instrumentation instrumentation) {
    super(httpClient, options, mapper, instrumentation);
  }

  @Override
  protected ElasticsearchTransportBase cloneWith(TransportOptions options, JsonpMapper mapper,
      Instrumentation instrumentation) {
    return new IndexerTransport(httpClient,
        options != null ? options : this.transportOptions, mapper != null ? mapper : this.mapper,
        instrumentation != null ? instrumentation : this.instrumentation);
  }
}
