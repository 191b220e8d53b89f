package org.pingliang.techmarket.marketplace;

import org.pingliang.techmarket.testsupport.KeycloakTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
    this.http = client.mutate().filter(ApiTest::readWholeBody).build();
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
      // mutate().body(Flux) would first "release" the original body by subscribing to it a second
      // time, which Reactor Netty refuses ("Rejecting additional inbound receiver") when the first
      // read has not quite terminated; the transforming variant replaces it without subscribing.
      return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()))
          .map(body -> response.mutate().body(original -> Flux.just(body)).build())
          .switchIfEmpty(Mono.fromSupplier(() -> response.mutate().body(original -> Flux.<DataBuffer>empty()).build()));
    });
  }
}
