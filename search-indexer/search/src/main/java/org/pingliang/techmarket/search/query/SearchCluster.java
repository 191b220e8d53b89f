package org.pingliang.techmarket.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;

/**
 * The connection to the search cluster, so applications use search without touching the client
 * library themselves. Close it on shutdown.
 */
public final class SearchCluster implements AutoCloseable {

  private final Rest5Client restClient;
  private final ElasticsearchAsyncClient client;

  private SearchCluster(Rest5Client restClient) {
    this.restClient = restClient;
    this.client = new ElasticsearchAsyncClient(new Rest5ClientTransport(restClient, new Jackson3JsonpMapper()));
  }

  /** Connections to the cluster kept at most (also per node): enough for the concurrency the API serves. */
  public static final int DEFAULT_MAX_CONNECTIONS = 64;

  /** {@link #connect(URI, Duration, Duration, int)} with {@link #DEFAULT_MAX_CONNECTIONS}. */
  public static SearchCluster connect(URI url, Duration requestTimeout, Duration connectTimeout) {
    return connect(url, requestTimeout, connectTimeout, DEFAULT_MAX_CONNECTIONS);
  }

  /**
   * @param requestTimeout how long one search may take before the cluster counts as unavailable,
   *     including the wait for a pooled connection
   * @param connectTimeout how long to wait for a new connection to open (short: a dead node must fail fast)
   * @param maxConnections connections kept open at most. The client library's default (10 per node)
   *     made concurrent searches queue for a connection in the app, and with the connect timeout
   *     as the lease deadline a search that waited 1 s for one failed as "unavailable" while the
   *     cluster was merely busy; the cluster queues surplus searches itself.
   */
  public static SearchCluster connect(URI url, Duration requestTimeout, Duration connectTimeout, int maxConnections) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1");
    }
    var response = Timeout.ofMilliseconds(requestTimeout.toMillis());
    var connect = Timeout.ofMilliseconds(connectTimeout.toMillis());
    var rest = Rest5Client.builder(new HttpHost(url.getScheme(), url.getHost(), url.getPort()))
        .setRequestConfigCallback(config -> config.setResponseTimeout(response).setConnectionRequestTimeout(response))
        .setConnectionConfigCallback(config -> config.setConnectTimeout(connect))
        .setConnectionManagerCallback(pool -> pool.setMaxConnPerRoute(maxConnections).setMaxConnTotal(maxConnections))
        // The cluster sets no cookies; the cookie store was still consulted on every request.
        .setHttpClientConfigCallback(client -> client.disableCookieManagement())
        .build();
    return new SearchCluster(rest);
  }

  public ListingSearch listingSearch(SearchSettings settings, QueryEmbedder embedder, HolderVerification verification,
      Clock clock) {
    return new ListingSearch(client, settings, embedder, verification, clock);
  }

  /** Service matching (commissioners' offers ↔ service requests) on the services alias named in {@code settings}. */
  public ServiceMatcher serviceMatcher(SearchSettings settings, QueryEmbedder embedder, Clock clock) {
    return new ServiceMatcher(client, settings, embedder, clock);
  }

  /** The raw client, for tools that share this connection (benchmarks, tests). */
  public ElasticsearchAsyncClient client() {
    return client;
  }

  @Override
  public void close() {
    try {
      restClient.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
