package org.pingliang.techmarket.searchindexer.listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Reads listing snapshots from marketplace with the {@code techmarket-service} client's
 * client-credentials token (realm role SERVICE), fetched from Keycloak and reused until shortly
 * before it expires.
 */
@Component
class MarketplaceListingSnapshots implements ListingSnapshots {

  private final WebClient http;
  private final IndexerProperties.Marketplace marketplace;
  private final AtomicReference<Token> token = new AtomicReference<>();

  MarketplaceListingSnapshots(IndexerProperties properties) {
    this.marketplace = properties.marketplace();
    this.http = WebClient.builder().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
  }

  @Override
  public Mono<Page> page(String cursor, int size, boolean payload) {
    var uri = UriComponentsBuilder.fromUri(marketplace.url()).path("/api/listing-snapshots")
        .queryParam("size", size).queryParam("payload", payload);
    if (cursor != null) {
      uri.queryParam("cursor", cursor);
    }
    var target = uri.build().toUri();
    return token().flatMap(bearer -> http.get().uri(target)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .bodyToMono(JsonNode.class))
        .timeout(marketplace.timeout())
        .map(MarketplaceListingSnapshots::page);
  }

  private static Page page(JsonNode body) {
    var items = new ArrayList<Snapshot>();
    for (var item : body.path("items")) {
      var payload = item.path("payload");
      items.add(new Snapshot(item.path("type").asString(), UUID.fromString(item.path("id").asString()),
          item.path("version").asLong(), payload.isObject() ? payload : null));
    }
    var next = body.path("nextCursor");
    return new Page(items, next.isString() ? next.asString() : null);
  }

  private Mono<String> token() {
    var current = token.get();
    if (current != null && current.expiresAt().isAfter(Instant.now().plusSeconds(30))) {
      return Mono.just(current.value());
    }
    return http.post().uri(marketplace.tokenUrl())
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(BodyInserters.fromFormData("grant_type", "client_credentials")
            .with("client_id", marketplace.clientId())
            .with("client_secret", marketplace.clientSecret()))
        .retrieve()
        .bodyToMono(JsonNode.class)
        .timeout(marketplace.timeout())
        .map(body -> {
          var fresh = new Token(body.path("access_token").asString(),
              Instant.now().plusSeconds(body.path("expires_in").asLong(60)));
          token.set(fresh);
          return fresh.value();
        });
  }

  private record Token(String value, Instant expiresAt) {}
}
