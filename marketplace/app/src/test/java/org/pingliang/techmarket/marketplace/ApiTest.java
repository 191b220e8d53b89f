package org.pingliang.techmarket.marketplace;

import org.pingliang.techmarket.testsupport.KeycloakTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

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

  @Autowired
  protected WebTestClient http;

  /** A client that sends the access token of a demo user, logged in through Keycloak. */
  protected WebTestClient as(String username) {
    return withToken(KeycloakTokens.user(username));
  }

  protected WebTestClient withToken(String token) {
    return http.mutate().defaultHeader("Authorization", "Bearer " + token).build();
  }
}
