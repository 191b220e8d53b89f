package org.pingliang.techmarket.marketplace.webapp;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The web app routes in the browser (/search, /achievements/{id}): a deep link or a reload must get
 * index.html, while the API, operations endpoints and real files keep their own answers. Also sets
 * caching: index.html is revalidated every time, the content-hashed bundles under /assets/ are kept
 * for a year.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SpaRouting implements WebFilter {

  static final String INDEX = "/index.html";
  private static final String[] SERVER_PREFIXES = {"/api/", "/actuator/", "/v3/", "/swagger-ui", "/webjars/", "/bench/"};

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var request = exchange.getRequest();
    var path = request.getPath().pathWithinApplication().value();
    var method = request.getMethod();
    if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
      return chain.filter(exchange);
    }
    if (path.startsWith("/assets/")) {
      exchange.getResponse().beforeCommit(() -> {
        if (exchange.getResponse().getStatusCode() != null && exchange.getResponse().getStatusCode().is2xxSuccessful()) {
          exchange.getResponse().getHeaders().set(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
        }
        return Mono.empty();
      });
      return chain.filter(exchange);
    }
    if (!isAppRoute(path)) {
      return chain.filter(exchange);
    }
    exchange.getResponse().beforeCommit(() -> {
      exchange.getResponse().getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-cache");
      return Mono.empty();
    });
    var rewritten = request.mutate().path(INDEX).build();
    return chain.filter(exchange.mutate().request(rewritten).build());
  }

  /** A browser route: not a server prefix and no file extension in the last segment. */
  static boolean isAppRoute(String path) {
    if (path.equals("/api") || path.equals("/actuator") || path.equals(INDEX)) {
      return path.equals(INDEX);
    }
    for (var prefix : SERVER_PREFIXES) {
      if (path.startsWith(prefix)) {
        return false;
      }
    }
    var lastSegment = path.substring(path.lastIndexOf('/') + 1);
    return !lastSegment.contains(".");
  }
}
