package org.pingliang.techmarket.marketplace.organisation.internal;

/** Why a rule said no; the web adapter turns each into its HTTP status. */
public enum Refusal {
  /** A value is not even of the right shape: a header or a cursor this API did not issue (400). */
  MALFORMED,
  /** Some fields break a rule (422). */
  INVALID,
  /** The caller may see the thing but not do this to it (403). */
  FORBIDDEN,
  /** The thing does not exist, or the caller may not learn that it does (404). */
  NOT_FOUND,
  /** The current state does not allow it: a taken code, a stale version, the last owner (409). */
  CONFLICT
}
