package org.pingliang.techmarket.marketplace.observability;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** A GET of a JSON document with a deadline; the building block of the HTTP health checks. */
final class HttpProbe {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {};

  private final WebClient client;
  private final Duration timeout;

  HttpProbe(WebClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  Mono<Map<String, Object>> get(URI uri) {
    return client.get().uri(uri).retrieve().bodyToMono(JSON_OBJECT).timeout(timeout);
  }
}
