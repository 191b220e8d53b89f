package org.pingliang.techmarket.marketplace.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pingliang.techmarket.marketplace.observability.RequestIds;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details. Every error response of the service goes through here, so they
 * all share one shape: type, title (in the request's language), status, detail, instance, requestId
 * and, for rejected input, {@code errors: [{field, code, message}]}.
 */
@Component
public class ProblemWriter {

  private final MessageSource messages;
  private final JsonMapper json;

  ProblemWriter(MessageSource messages, JsonMapper json) {
    this.messages = messages;
    this.json = json;
  }

  /** Renders a problem; {@code detailKey} is translated when it is a message key. */
  public Mono<Void> write(ServerWebExchange exchange, ProblemType type, List<FieldError> errors,
      String detailKey, Object... arguments) {
    var response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    var locale = locale(exchange);
    var body = new LinkedHashMap<String, Object>();
    body.put("type", type.uri().toString());
    body.put("title", translate(type.titleKey(), locale));
    body.put("status", type.status().value());
    if (detailKey != null) {
      body.put("detail", translate(detailKey, locale, arguments));
    }
    body.put("instance", exchange.getRequest().getPath().value());
    body.put("requestId", RequestIds.of(exchange));
    if (!errors.isEmpty()) {
      body.put("errors", errors.stream().map(e -> fieldError(e, locale)).toList());
    }
    response.setStatusCode(type.status());
    var headers = response.getHeaders();
    headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    headers.set(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
    headers.setCacheControl("no-store");
    var bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    return UnreadBodies.discard(exchange)
        .then(Mono.defer(() -> response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)))));
  }

  /** The language of the request: zh-CN unless the client asks for English. */
  public Locale locale(ServerWebExchange exchange) {
    var locale = exchange.getLocaleContext().getLocale();
    return locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
  }

  private Map<String, Object> fieldError(FieldError error, Locale locale) {
    var result = new LinkedHashMap<String, Object>();
    result.put("field", error.field());
    result.put("code", error.code());
    result.put("message", translate(error.message(), locale));
    return result;
  }

  private String translate(String keyOrText, Locale locale, Object... arguments) {
    try {
      return messages.getMessage(keyOrText, arguments, locale);
    } catch (NoSuchMessageException e) {
      // A constraint without a translation of its own still gets a sentence, never a raw key.
      return keyOrText.startsWith("problem.field.")
          ? messages.getMessage("problem.field.invalid-value", null, keyOrText, locale)
          : keyOrText;
    }
  }
}
