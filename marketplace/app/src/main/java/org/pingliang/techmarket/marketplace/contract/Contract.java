package org.pingliang.techmarket.marketplace.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A technology contract (技术合同) at {@code version}: the parties as registration records them,
 * the agreed total and schedule, the registration fields and where registration and performance
 * stand. Amounts are fen.
 */
public record Contract(
    UUID id,
    UUID negotiationId,
    UUID offerId,
    String listingType,
    UUID listingId,
    ContractStatus status,
    String statusReason,
    Party seller,
    Party buyer,
    Broker broker,
    long totalFen,
    Terms terms,
    List<Milestone> milestones,
    String scope,
    int termMonths,
    LocalDate signingDate,
    Registration registration,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public Contract {
    milestones = List.copyOf(milestones);
  }

  /** The broker (技术经纪人) on the deal and the commission in basis points, when there is one. */
  public record Broker(UUID organisationId, String subject, Integer commissionBasisPoints) {}

  /** Registration as far as it got: submission, then a number and rule set, or a rejection. */
  public record Registration(Instant submittedAt, String number, String ruleSet, Instant registeredAt, String registeredBy) {

    static final Registration NONE = new Registration(null, null, null, null, null);
  }

  public long technicalTransactionFen() {
    return terms.deductions().technicalTransactionFen(totalFen);
  }

  public Party party(PartyRole role) {
    return role == PartyRole.SELLER ? seller : buyer;
  }

  Contract with(ContractStatus nextStatus, String reason, Terms nextTerms, List<Milestone> nextMilestones,
      LocalDate nextSigningDate, Registration nextRegistration, Instant now) {
    return new Contract(id, negotiationId, offerId, listingType, listingId, nextStatus, reason, seller, buyer, broker,
        totalFen, nextTerms, nextMilestones, scope, termMonths, nextSigningDate, nextRegistration, createdBy, createdAt,
        now, version + 1);
  }

  Contract withStatus(ContractStatus nextStatus, String reason, Instant now) {
    return with(nextStatus, reason, terms, milestones, signingDate, registration, now);
  }
}
