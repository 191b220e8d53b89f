package org.pingliang.techmarket.marketplace.organisation.internal;

/** What kind of change a history entry records. */
public enum ChangeType {
  REGISTERED,
  UPDATED,
  VERIFIED,
  REJECTED,
  MEMBER_ADDED,
  MEMBER_REMOVED
}
