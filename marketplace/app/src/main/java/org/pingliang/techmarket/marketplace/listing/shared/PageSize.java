package org.pingliang.techmarket.marketplace.listing.shared;

/** Page sizes clients may ask for. */
public final class PageSize {

  public static final int DEFAULT = 20;
  public static final int MAX = 100;

  private PageSize() {}

  public static int of(Integer requested) {
    if (requested == null) {
      return DEFAULT;
    }
    if (requested < 1 || requested > MAX) {
      throw ListingProblems.invalid("size", "size");
    }
    return requested;
  }
}
