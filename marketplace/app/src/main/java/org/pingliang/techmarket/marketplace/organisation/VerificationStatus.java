package org.pingliang.techmarket.marketplace.organisation;

/** Where an administrator's check of the organisation's legal identity stands. */
public enum VerificationStatus {
  /** 待审核: registered or changed, not yet checked; visible to its members and administrators only. */
  PENDING,
  /** 已认证: checked; public. */
  VERIFIED,
  /** 未通过: refused with a reason; visible to its members and administrators only. */
  REJECTED
}
