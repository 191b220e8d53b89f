package org.pingliang.techmarket.marketplace.organisation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pingliang.techmarket.marketplace.organisation.internal.Outcome;
import org.pingliang.techmarket.marketplace.organisation.internal.Violation;

/**
 * The version a change is based on, from {@code If-Match: "3"} or a {@code version} field. The
 * entity tag of an organisation is its version, so what a GET returned is what a PUT sends back.
 */
final class Versions {

  static final String IF_MATCH = "If-Match";
  private static final Pattern ENTITY_TAG = Pattern.compile("\"?([0-9]{1,18})\"?");

  private Versions() {}

  static String entityTag(Organisation organisation) {
    return "\"" + organisation.version() + "\"";
  }

  /** An update must not overwrite blindly: without a version it is refused. */
  static Outcome<Long> required(String ifMatch, Long bodyVersion) {
    return optional(ifMatch, bodyVersion).then(version -> version
        .<Outcome<Long>>map(Outcome::accepted)
        .orElseGet(() -> Outcome.invalid(List.of(new Violation("version", "required")))));
  }

  /** For a decision that may be taken on whatever is current, but checks the version when one is sent. */
  static Outcome<Optional<Long>> optional(String ifMatch, Long bodyVersion) {
    Long headerVersion = null;
    if (ifMatch != null) {
      var matcher = ENTITY_TAG.matcher(ifMatch.strip());
      if (!matcher.matches()) {
        return Outcome.malformed(List.of(new Violation(IF_MATCH, "format")));
      }
      headerVersion = Long.parseLong(matcher.group(1));
    }
    if (headerVersion != null && bodyVersion != null && !headerVersion.equals(bodyVersion)) {
      return Outcome.invalid(List.of(new Violation("version", "mismatch")));
    }
    return Outcome.accepted(Optional.ofNullable(headerVersion != null ? headerVersion : bodyVersion));
  }
}
