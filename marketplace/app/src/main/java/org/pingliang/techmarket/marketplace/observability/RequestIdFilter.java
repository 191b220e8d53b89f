package org.pingliang.techmarket.marketplace.observability;

import io.micrometer.context.ContextRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when sane), returns it in the
 * response, and puts it into the Reactor context, from where context propagation copies it into the
 * logging MDC on whatever thread the request continues. Also writes one access-log line per request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter implements WebFilter {

  private static final Logger access = LoggerFactory.getLogger("techmarket.access");

  static {
    ContextRegistry.getInstance().registerThreadLocalAccessor(RequestIds.KEY,
        () -> MDC.get(RequestIds.KEY),
        value -> MDC.put(RequestIds.KEY, value),
        () -> MDC.remove(RequestIds.KEY));
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var id = RequestIds.fromHeader(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
    exchange.getAttributes().put(RequestIds.KEY, id);
    exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
    var started = System.nanoTime();
    return chain.filter(exchange)
        .doFinally(signal -> logAccess(exchange, id, started))
        .contextWrite(context -> context.put(RequestIds.KEY, id));
  }

  private static void logAccess(ServerWebExchange exchange, String id, long started) {
    if (!access.isInfoEnabled()) {
      return;
    }
    var request = exchange.getRequest();
    var status = exchange.getResponse().getStatusCode();
    MDC.put(RequestIds.KEY, id);
    try {
      access.info("{} {} {} {}ms", request.getMethod(), request.getPath().value(),
          status == null ? "-" : status.value(), (System.nanoTime() - started) / 1_000_000);
    } finally {
      MDC.remove(RequestIds.KEY);
    }
  }
}
