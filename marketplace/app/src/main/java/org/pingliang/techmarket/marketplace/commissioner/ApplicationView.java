package org.pingliang.techmarket.marketplace.commissioner;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An application as its readers see it: the applicant, the consents, the bureau's decision. */
record ApplicationView(UUID id, String name, CommissionerType type, String profile, String expertise,
    OrganisationRef employer, OrganisationRef servedOrganisation, String servedUnitName, String regionCode,
    List<String> villageCodes, boolean threeRegionsTalent, ApplicationStatus status, Consent employerConsent,
    Consent enterpriseConsent, Decision decision, UUID commissionerId, Instant createdAt, long version) {

  record OrganisationRef(UUID id, String name) {}

  /** An answer of the employer or the enterprise; null fields while none was given. */
  record Consent(String decision, String by, Instant at, String note) {}

  /** Who decided, when and why, with HR's opinion. */
  record Decision(String hrOpinion, String decidedBy, Instant decidedAt, String reason) {}
}
