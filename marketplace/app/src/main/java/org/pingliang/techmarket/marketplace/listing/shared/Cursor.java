package org.pingliang.techmarket.marketplace.listing.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.FieldError;
import org.pingliang.techmarket.marketplace.problem.ProblemType;

/**
 * An opaque position in a list ordered by (time, id) descending: clients pass back what they got
 * and never parse it. A garbled cursor is a 400 on the {@code cursor} parameter.
 */
public record Cursor(Instant time, UUID id) {

  public String encode() {
    var raw = time.toString() + "|" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  public static Cursor decode(String encoded) {
    try {
      var raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      var separator = raw.indexOf('|');
      return new Cursor(Instant.parse(raw.substring(0, separator)), UUID.fromString(raw.substring(separator + 1)));
    } catch (RuntimeException e) {
      throw new ApiProblem(ProblemType.MALFORMED_REQUEST,
          List.of(new FieldError("cursor", "malformed", "problem.field.invalid-value")), "problem.invalid-parameter.detail");
    }
  }
}
