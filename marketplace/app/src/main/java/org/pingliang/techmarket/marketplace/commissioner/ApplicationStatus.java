package org.pingliang.techmarket.marketplace.commissioner;

/**
 * Where an application stands: waiting for the employer's (and, for an enterprise commissioner, the
 * enterprise's) consent, under the bureau's review with HR, then approved or rejected; a refused
 * consent or a withdrawal ends it too.
 */
enum ApplicationStatus {
  AWAITING_CONSENT, IN_REVIEW, APPROVED, REJECTED, CONSENT_REFUSED, WITHDRAWN;

  boolean open() {
    return this == AWAITING_CONSENT || this == IN_REVIEW;
  }
}
