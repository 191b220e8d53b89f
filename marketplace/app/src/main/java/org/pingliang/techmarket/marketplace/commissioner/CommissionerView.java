package org.pingliang.techmarket.marketplace.commissioner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.commissioner.CommissionerRoster.Standing;

/** A commissioner as the bureau, the person and their dispatching unit see them. */
record CommissionerView(UUID id, String name, CommissionerType type, String expertise,
    ApplicationView.OrganisationRef employer, ApplicationView.OrganisationRef servedOrganisation, String servedUnitName,
    String regionCode, boolean threeRegionsTalent, Standing standing, Instant selectedAt, String certificateNumber,
    Instant exitedAt, String exitReason, Instant removedAt, String removalReason, List<String> villageCodes,
    List<Agreement> agreements, List<Evaluation> evaluations, long version) {

  /** The three-party agreement: managing unit, dispatching unit, served unit. */
  record Agreement(UUID id, String managingUnit, ApplicationView.OrganisationRef dispatchingUnit, String servedUnitName,
      UUID servedOrganisationId, LocalDate signedOn, LocalDate validFrom, LocalDate validUntil, String duties,
      String recordedBy, Instant recordedAt) {}

  record Evaluation(int year, Forms.Grade grade, String comment, String decidedBy, Instant decidedAt) {}

  /** What anyone may see of an active commissioner (public list and notice). */
  record PublicCard(UUID id, String name, CommissionerType type, String expertise, String employerName,
      String regionCode, boolean threeRegionsTalent, Instant selectedAt, String certificateNumber) {}
}
