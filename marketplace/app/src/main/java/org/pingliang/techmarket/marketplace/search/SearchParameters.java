package org.pingliang.techmarket.marketplace.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.pingliang.techmarket.marketplace.listing.achievement.AchievementStatus;
import org.pingliang.techmarket.marketplace.listing.collection.PackageStatus;
import org.pingliang.techmarket.marketplace.listing.demand.DemandStatus;
import org.pingliang.techmarket.marketplace.listing.shared.Maturity;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.pingliang.techmarket.marketplace.listing.shared.TransferMode;
import org.pingliang.techmarket.search.query.ListingKind;
import org.pingliang.techmarket.search.query.RankingMode;

/** Query parameters read strictly: an unknown value is a field error, never silently ignored. */
final class SearchParameters {

  private static final Pattern REGION = Pattern.compile("\\d{6}");
  private static final int MAX_TEXT = 200;
  private static final int MAX_VALUES = 20;

  private SearchParameters() {}

  static Set<ListingKind> kinds(List<String> values) {
    return values("type", values, value -> ListingKind.valueOf(value).name()).stream().map(ListingKind::valueOf)
        .collect(java.util.stream.Collectors.toSet());
  }

  static Set<String> technologyFields(List<String> values) {
    return values("technologyField", values, value -> TechnologyField.valueOf(value).name());
  }

  static Set<String> maturities(List<String> values) {
    return values("maturity", values, value -> Maturity.valueOf(value).name());
  }

  static Set<String> transferModes(List<String> values) {
    return values("transferMode", values, value -> TransferMode.valueOf(value).name());
  }

  static Set<String> statuses(List<String> values) {
    return values("status", values, SearchParameters::status);
  }

  static Set<String> regions(List<String> values) {
    return values("region", values, value -> {
      if (!REGION.matcher(value).matches()) {
        throw new IllegalArgumentException(value);
      }
      return value;
    });
  }

  static Set<String> industries(List<String> values) {
    return values("industry", values, value -> {
      if (value.length() > 50) {
        throw new IllegalArgumentException(value);
      }
      return value;
    });
  }

  static String text(String q) {
    if (q != null && q.length() > MAX_TEXT) {
      throw SearchProblems.invalid("q", "size");
    }
    return q;
  }

  static RankingMode mode(String value, RankingMode fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return RankingMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SearchProblems.invalid("mode", "invalid-value");
    }
  }

  private static String status(String value) {
    for (var statuses : List.<Enum<?>[]>of(AchievementStatus.values(), DemandStatus.values(), PackageStatus.values())) {
      for (var status : statuses) {
        if (status.name().equals(value)) {
          return value;
        }
      }
    }
    throw new IllegalArgumentException(value);
  }

  private static Set<String> values(String field, List<String> raw, Function<String, String> parse) {
    var result = new LinkedHashSet<String>();
    if (raw == null) {
      return result;
    }
    for (var entry : raw) {
      // Both ?type=A&type=B and ?type=A,B are accepted; empty values mean "any".
      for (var value : entry.split(",")) {
        var trimmed = value.strip();
        if (trimmed.isEmpty()) {
          continue;
        }
        try {
          result.add(parse.apply(trimmed));
        } catch (IllegalArgumentException e) {
          throw SearchProblems.invalid(field, "invalid-value");
        }
      }
    }
    if (result.size() > MAX_VALUES) {
      throw SearchProblems.invalid(field, "size");
    }
    return result;
  }
}
