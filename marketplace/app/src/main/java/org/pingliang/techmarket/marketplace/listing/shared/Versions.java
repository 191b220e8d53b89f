package org.pingliang.techmarket.marketplace.listing.shared;

import java.util.regex.Pattern;

/**
 * Reads the version a change is based on: the {@code If-Match} header ({@code "3"} or {@code W/"3"})
 * or the body's {@code version}. If both are given they must agree.
 */
public final class Versions {

  private static final Pattern ETAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

  private Versions() {}

  /** The expected version, or {@code null} when the client named none. */
  public static Long expected(String ifMatch, Long bodyVersion) {
    Long header = null;
    if (ifMatch != null && !ifMatch.isBlank() && !"*".equals(ifMatch.strip())) {
      var matcher = ETAG.matcher(ifMatch.strip());
      if (!matcher.matches()) {
        throw ListingProblems.invalid("If-Match", "wrong-type");
      }
      header = Long.parseLong(matcher.group(1));
    }
    if (header != null && bodyVersion != null && !header.equals(bodyVersion)) {
      throw ListingProblems.invalid("version", "version-mismatch");
    }
    return header != null ? header : bodyVersion;
  }

  /** Like {@link #expected} but a change without any version is refused. */
  public static long required(String ifMatch, Long bodyVersion) {
    var version = expected(ifMatch, bodyVersion);
    if (version == null) {
      throw ListingProblems.invalid("version", "required");
    }
    return version;
  }

  public static String etag(long version) {
    return "\"" + version + "\"";
  }
}
