package org.pingliang.techmarket.marketplace;

import org.pingliang.techmarket.testsupport.KeycloakTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Base of the tests that drive the whole app over HTTP against the real dev services (PostgreSQL,
 * Redis, Elasticsearch, Keycloak), started once for the run by test-support. All subclasses share
 * one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// CI shares two cores between the app, four servers and background work (imports, the outbox
// relay): a response may take longer than WebTestClient's default 5 s without anything being wrong.
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class ApiTest {

  public static final String PROBLEM_BASE = "https://techmarket.example/problems/";

  protected WebTestClient http;

  @Autowired
  void setHttp(WebTestClient client) {
    // One connection per request instead of reactor-netty's pool of 2 × cores (16 here): live event
    // streams a test leaves open hold their connection, and a full pool made later requests wait
    // past the 30 s response timeout.
    this.http = client.mutate()
        .clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
        .filter(ApiTest::readWholeBody).build();
  }

  /** A client that sends the access token of a demo user, logged in through Keycloak. */
  protected WebTestClient as(String username) {
    return withToken(KeycloakTokens.user(username));
  }

  protected WebTestClient withToken(String token) {
    return http.mutate().defaultHeader("Authorization", "Bearer " + token).build();
  }

  /**
   * Reads every response body at once (except live event streams). A test that only checks the
   * status never reads the body, and an unread body keeps its pooled connection: after a few dozen
   * such requests the pool is empty and later requests wait until they time out.
   */
  private static Mono<ClientResponse> readWholeBody(ClientRequest request, ExchangeFunction next) {
    return next.exchange(request).flatMap(response -> {
      var type = response.headers().contentType().orElse(null);
      if (type != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type)) {
        return Mono.just(response);
      }
      // A new response, not response.mutate(): a mutated one would release (re-read) the original body.
      return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()))
          .map(body -> copy(response, Flux.just(body)))
          .switchIfEmpty(Mono.fromSupplier(() -> copy(response, Flux.empty())));
    });
  }

  private static ClientResponse copy(ClientResponse response, Flux<DataBuffer> body) {
    return ClientResponse.create(response.statusCode(), response.strategies())
        .headers(headers -> headers.addAll(response.headers().asHttpHeaders()))
        .cookies(cookies -> cookies.addAll(response.cookies()))
        .request(response.request())
        .body(body)
        .build();
  }
}
