package org.pingliang.techmarket.marketplace.negotiation;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Turns the "Errors: 401, 404 (why) …" part of each negotiation operation's summary into documented
 * problem+json responses, so the summary, the error list and the document never disagree.
 */
@Component
class NegotiationOpenApi implements OpenApiCustomizer {

  private static final Pattern ERROR = Pattern.compile("(\\d{3})(?: \\(([^)]*)\\))?");
  private static final Map<String, String> REASONS = Map.of(
      "400", "Malformed request: bad JSON, unknown fields, wrong types or a garbled cursor",
      "401", "No or invalid token",
      "403", "The caller's role does not allow this (e.g. a party's MEMBER, or the wrong realm role)",
      "404", "No such resource, or the caller takes no part in it",
      "409", "Not possible in the current state",
      "422", "Rule violations, with field errors");

  @Override
  public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
    openApi.getPaths().forEach((path, item) -> {
      if (path.startsWith("/api/negotiations") || path.startsWith("/api/broker-")) {
        item.readOperations().forEach(NegotiationOpenApi::documentErrors);
      }
    });
  }

  private static void documentErrors(Operation operation) {
    var summary = operation.getSummary();
    var start = summary == null ? -1 : summary.indexOf("Errors:");
    if (start < 0) {
      return;
    }
    var matcher = ERROR.matcher(summary.substring(start));
    while (matcher.find()) {
      var status = matcher.group(1);
      var description = matcher.group(2) == null ? REASONS.getOrDefault(status, "Error") : matcher.group(2);
      operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
          .content(new Content().addMediaType("application/problem+json", new MediaType().schema(new Schema<>()
              .type("object").description("RFC 9457 problem details")))));
    }
  }
}
