package org.pingliang.techmarket.marketplace.organisation;

import java.util.Objects;
import java.util.UUID;

/**
 * An organisation of the market (机构) as other features see it: an immutable snapshot at {@code
 * version}. Only {@link VerificationStatus#VERIFIED verified} organisations are public.
 *
 * @param id time-ordered UUID (version 7), never reused
 * @param name the registered name as entered, kept byte-for-byte (1–200 characters)
 * @param version increases by one with every change of these fields
 */
public record Organisation(
    UUID id,
    String name,
    OrganisationKind kind,
    UnifiedSocialCreditCode creditCode,
    RegionCode regionCode,
    LegalEntityType legalEntityType,
    VerificationStatus verificationStatus,
    long version) {

  public Organisation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(creditCode, "creditCode");
    Objects.requireNonNull(regionCode, "regionCode");
    Objects.requireNonNull(legalEntityType, "legalEntityType");
    Objects.requireNonNull(verificationStatus, "verificationStatus");
  }

  /** Whether an administrator has checked the organisation's legal identity. */
  public boolean isVerified() {
    return verificationStatus == VerificationStatus.VERIFIED;
  }
}
