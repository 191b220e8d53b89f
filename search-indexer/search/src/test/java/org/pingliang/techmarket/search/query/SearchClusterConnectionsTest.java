package org.pingliang.techmarket.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The connection pool of the search cluster client. A slow HTTP endpoint stands in for a busy
 * cluster (what is tested is the client's pool, not the cluster): the library's default pool of
 * 10 connections per node, with the 1 s connect timeout as the deadline for getting one, failed
 * every search beyond the tenth that waited longer than a second, while the cluster merely queued.
 */
class SearchClusterConnectionsTest {

  @Test
  void searches_beyond_ten_at_once_wait_within_the_request_timeout_instead_of_failing() throws Exception {
    var inFlight = new AtomicInteger();
    var mostAtOnce = new AtomicInteger();
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
    server.setExecutor(Executors.newFixedThreadPool(40));
    server.createContext("/", exchange -> {
      mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(1_500);
        exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        exchange.sendResponseHeaders(200, -1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.decrementAndGet();
        exchange.close();
      }
    });
    server.start();
    try (var cluster = SearchCluster.connect(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
        Duration.ofSeconds(10), Duration.ofSeconds(1))) {
      var pings = new ArrayList<CompletableFuture<Boolean>>();
      for (var i = 0; i < 24; i++) {
        pings.add(cluster.client().ping().thenApply(response -> response.value()));
      }
      var answered = 0;
      for (var ping : pings) {
        if (ping.get(30, TimeUnit.SECONDS)) {
          answered++;
        }
      }
      assertThat(answered).isEqualTo(24);
      assertThat(mostAtOnce.get()).as("searches sent to the cluster at once").isGreaterThan(10);
    } finally {
      server.stop(0);
    }
  }
}
