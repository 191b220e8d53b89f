package org.pingliang.techmarket.marketplace.commissioner;

/**
 * How many commissioners of one managing region may be graded 优秀 in one year: {@code floor(n × percent
 * / 100)}, but at least 1 when there is at least one commissioner (a small county can still honour its
 * best) unless the quota is 0 %, and never more than n. n is the region's commissioners in the evaluation: those selected now
 * plus those already graded for the year (so an exit after 不称职 does not shrink the base mid-way).
 * Integer arithmetic only.
 */
record ExcellenceQuota(int percent) {

  ExcellenceQuota {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be within 0..100");
    }
  }

  int cap(long commissioners) {
    if (commissioners <= 0 || percent == 0) {
      return 0;
    }
    long floor = commissioners * percent / 100;
    return (int) Math.min(commissioners, Math.max(1, floor));
  }

  /** Whether one more 优秀 fits when {@code excellentSoFar} are already given. */
  boolean allowsAnother(long commissioners, long excellentSoFar) {
    return excellentSoFar + 1 <= cap(commissioners);
  }
}
