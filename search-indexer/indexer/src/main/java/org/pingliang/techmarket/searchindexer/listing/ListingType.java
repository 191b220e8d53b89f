package org.pingliang.techmarket.searchindexer.listing;

import java.util.Arrays;
import java.util.function.Predicate;

/** The kinds of listing on the stream, with the rule that makes one public. */
enum ListingType {
  ACHIEVEMENT("Achievement", "PUBLISHED"::equals),
  // A demand stays visible while it is negotiated or solved; only closure hides it.
  DEMAND("Demand", status -> !"CLOSED".equals(status)),
  PACKAGE("AchievementPackage", "PUBLISHED"::equals);

  private final String aggregateType;
  private final Predicate<String> isPublic;

  ListingType(String aggregateType, Predicate<String> isPublic) {
    this.aggregateType = aggregateType;
    this.isPublic = isPublic;
  }

  boolean isPublic(String status) {
    return status != null && isPublic.test(status);
  }

  /** The type of an event's aggregate; an unknown one is a malformed event, not a transient error. */
  static ListingType ofAggregateType(String aggregateType) {
    return Arrays.stream(values())
        .filter(type -> type.aggregateType.equals(aggregateType))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a listing aggregate: " + aggregateType));
  }
}
