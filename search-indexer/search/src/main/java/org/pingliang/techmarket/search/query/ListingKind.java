package org.pingliang.techmarket.search.query;

/** The listing families in the index ({@code type} field). */
public enum ListingKind {
  ACHIEVEMENT,
  DEMAND,
  PACKAGE
}
