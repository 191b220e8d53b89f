package org.pingliang.techmarket.marketplace.organisation.internal;

import org.pingliang.techmarket.marketplace.organisation.VerificationStatus;

/** What an administrator decides about an organisation's legal identity. */
public enum VerificationDecision {
  VERIFIED,
  REJECTED;

  VerificationStatus status() {
    return VerificationStatus.valueOf(name());
  }
}
