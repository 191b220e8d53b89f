package org.pingliang.techmarket.marketplace.problem;

import org.pingliang.techmarket.marketplace.observability.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The one place where exceptions become HTTP responses. It runs before Spring Boot's default error
 * handler, so no request ever sees a stack trace or Boot's own error JSON.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);
  private static final String RETRY_AFTER_SECONDS = "5";

  private final ProblemWriter writer;

  ProblemExceptionHandler(ProblemWriter writer) {
    this.writer = writer;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    var problem = ProblemMapping.map(error);
    var request = exchange.getRequest();
    if (problem.type() == ProblemType.INTERNAL_ERROR) {
      log.error("request {} {} failed [requestId={}]", request.getMethod(), request.getPath(), RequestIds.of(exchange), error);
    } else if (problem.isServerError()) {
      log.warn("request {} {} could not be served: {} [requestId={}]", request.getMethod(), request.getPath(),
          error.toString(), RequestIds.of(exchange));
    } else {
      log.debug("request {} {} rejected: {}", request.getMethod(), request.getPath(), error.toString());
    }
    var headers = exchange.getResponse().getHeaders();
    if (problem.type() == ProblemType.SERVICE_UNAVAILABLE) {
      headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    if (error instanceof MethodNotAllowedException notAllowed) {
      headers.setAllow(notAllowed.getSupportedMethods());
    }
    return writer.write(exchange, problem.type(), problem.errors(), problem.detailKey(), problem.arguments());
  }
}
