package org.pingliang.techmarket.marketplace.web;

import java.util.List;
import org.pingliang.techmarket.marketplace.problem.ProblemType;
import org.pingliang.techmarket.marketplace.problem.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a declared oversized body before a byte of it is read. Bodies sent without a length are
 * capped by the codecs' in-memory limit (same size), which ends in the same 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter implements WebFilter {

  private final HttpProperties limits;
  private final ProblemWriter problems;

  RequestBodyLimitFilter(HttpProperties limits, ProblemWriter problems) {
    this.limits = limits;
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var request = exchange.getRequest();
    if (request.getHeaders().getContentLength() > limits.limitFor(request.getPath().value())) {
      return problems.write(exchange, ProblemType.PAYLOAD_TOO_LARGE, List.of(),
          "problem.payload-too-large.detail");
    }
    return chain.filter(exchange);
  }
}
