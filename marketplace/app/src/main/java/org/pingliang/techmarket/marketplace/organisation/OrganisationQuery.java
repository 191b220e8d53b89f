package org.pingliang.techmarket.marketplace.organisation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.organisation.internal.Outcome;
import org.pingliang.techmarket.marketplace.organisation.internal.Violation;

/**
 * One page of the organisation list: a status, optional kind and region (a city or province covers
 * its counties), and the keyset position after which the page starts.
 */
record OrganisationQuery(VerificationStatus status, OrganisationKind kind, RegionCode region, UUID after, int size) {

  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 100;
  // Versioned, so the cursor can change shape later without breaking clients that hold one.
  private static final String CURSOR_PREFIX = "o1:";

  static Outcome<OrganisationQuery> of(VerificationStatus status, OrganisationKind kind, String region, String cursor,
      Integer size) {
    // An empty parameter (region= from a form's empty choice) means the same as none.
    region = region == null || region.isEmpty() ? null : region;
    cursor = cursor == null || cursor.isEmpty() ? null : cursor;
    var violations = new ArrayList<Violation>();
    RegionCode regionCode = null;
    if (region != null) {
      regionCode = RegionCode.parse(region).orElse(null);
      if (regionCode == null) {
        violations.add(new Violation("region", RegionCode.isWellFormed(region) ? "unknown-province" : "format"));
      }
    }
    var after = cursor == null ? null : decode(cursor);
    if (cursor != null && after == null) {
      return Outcome.malformed(List.of(new Violation("cursor", "invalid-value")));
    }
    var pageSize = size == null ? DEFAULT_SIZE : size;
    if (pageSize < 1) {
      violations.add(new Violation("size", "min"));
    } else if (pageSize > MAX_SIZE) {
      violations.add(new Violation("size", "max"));
    }
    if (!violations.isEmpty()) {
      return Outcome.invalid(violations);
    }
    var effectiveStatus = status == null ? VerificationStatus.VERIFIED : status;
    return Outcome.accepted(new OrganisationQuery(effectiveStatus, kind, regionCode, after, pageSize));
  }

  /** The opaque cursor that continues after {@code last}. */
  static String cursorAfter(UUID last) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((CURSOR_PREFIX + last).getBytes(StandardCharsets.UTF_8));
  }

  private static UUID decode(String cursor) {
    try {
      var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return text.startsWith(CURSOR_PREFIX) ? UUID.fromString(text.substring(CURSOR_PREFIX.length())) : null;
    } catch (IllegalArgumentException notACursor) {
      return null;
    }
  }
}
