package org.pingliang.techmarket.marketplace.problem;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A request refused before its body was read (by security, or the size limit) leaves that body on
 * the connection; a client reusing the connection would then wait for ever for its next answer.
 * The rest of the body is read and dropped before the answer goes out — up to a cap, past which
 * the connection is closed instead (reading a huge body just to refuse it would be an easy DoS).
 */
final class UnreadBodies {

  static final long DISCARD_LIMIT = 32L * 1024 * 1024;

  private UnreadBodies() {}

  static Mono<Void> discard(ServerWebExchange exchange) {
    var headers = exchange.getRequest().getHeaders();
    var declared = headers.getContentLength();
    var chunked = headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    if (declared <= 0 && !chunked) {
      return Mono.empty();
    }
    if (declared > DISCARD_LIMIT) {
      exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
      return Mono.empty();
    }
    var read = new AtomicLong();
    return exchange.getRequest().getBody()
        .doOnNext(buffer -> {
          read.addAndGet(buffer.readableByteCount());
          DataBufferUtils.release(buffer);
        })
        .takeUntil(buffer -> read.get() > DISCARD_LIMIT)
        .then(Mono.fromRunnable(() -> {
          if (read.get() > DISCARD_LIMIT) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
          }
        }))
        // A body that was already read (the usual case for validation errors) cannot be read again.
        .onErrorResume(error -> Mono.empty())
        .then();
  }
}
