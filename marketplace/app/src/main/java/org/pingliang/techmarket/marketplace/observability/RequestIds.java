package org.pingliang.techmarket.marketplace.observability;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/** The id that ties a request's response, problem body and log lines together. */
public final class RequestIds {

  /** Header read from the client or proxy and echoed on every response. */
  public static final String HEADER = "X-Request-Id";
  /** Key in the exchange attributes, the Reactor context and the logging MDC. */
  public static final String KEY = "requestId";

  // A caller's id is kept only when it is harmless in logs: no spaces, no control characters.
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private RequestIds() {}

  /** The caller's id when acceptable, otherwise a new one. */
  static String fromHeader(String header) {
    return header != null && ACCEPTABLE.matcher(header).matches() ? header : UUID.randomUUID().toString();
  }

  /** The id of this exchange; assigned by {@link RequestIdFilter} before anything else runs. */
  public static String of(ServerWebExchange exchange) {
    String id = exchange.getAttribute(KEY);
    return id == null ? "-" : id;
  }
}
