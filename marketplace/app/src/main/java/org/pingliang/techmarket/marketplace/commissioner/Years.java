package org.pingliang.techmarket.marketplace.commissioner;

/** A year parameter: absent means the current year; otherwise within 2000..2100. */
final class Years {

  private Years() {}

  static int of(Integer requested, int current) {
    if (requested == null) {
      return current;
    }
    if (requested < 2000 || requested > 2100) {
      throw CommissionerProblems.invalid("year", "invalid-value");
    }
    return requested;
  }
}
