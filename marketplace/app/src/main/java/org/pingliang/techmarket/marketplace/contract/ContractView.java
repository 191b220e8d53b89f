package org.pingliang.techmarket.marketplace.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.contract.ContractStore.Consent;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.pingliang.techmarket.marketplace.organisation.LegalEntityType;

/** A contract as the API shows it (and as its events carry it). Money is {@code {amountFen, currency}}. */
public record ContractView(
    UUID id,
    long version,
    ContractStatus status,
    String statusReason,
    UUID negotiationId,
    UUID offerId,
    String listingType,
    UUID listingId,
    ContractType contractType,
    String contractSubtype,
    String projectName,
    String scope,
    int termMonths,
    PartyView seller,
    PartyView buyer,
    BrokerView broker,
    Money total,
    Money technicalTransactionAmount,
    DeductionsView deductions,
    Money expectedNewInvestment,
    Money expectedNewOutputValue,
    TechnologyField technologyField,
    List<IpInvolvement> ipInvolvement,
    PlanSource planSource,
    LocalDate signingDate,
    LocalDate validFrom,
    LocalDate validUntil,
    List<MilestoneView> milestones,
    List<ConsentView> signatures,
    List<ConsentView> terminationConsents,
    RegistrationView registration,
    Instant createdAt,
    Instant updatedAt) {

  /** A party's registration identity as snapshotted on the contract. */
  public record PartyView(UUID organisationId, String name, String creditCode, String countryCode, String regionCode,
      LegalEntityType.Category legalEntityCategory, LegalEntityType.Subtype legalEntitySubtype) {}

  public record BrokerView(UUID organisationId, String subject, Integer commissionBasisPoints) {}

  /** What is deducted from the total to get 技术交易额; carrier samples are shown but never deducted. */
  public record DeductionsView(Money equipment, Money instruments, Money parts, Money rawMaterials, Money carrierSamples) {}

  public record MilestoneView(UUID id, int sequence, String title, Money amount, LocalDate dueDate, MilestoneStatus status,
      Instant deliveredAt, Instant acceptedAt) {}

  public record ConsentView(PartyRole party, String subject, String reason, Instant at) {}

  public record RegistrationView(Instant submittedAt, String registrationNumber, String ruleSet, Instant registeredAt) {}

  static ContractView of(Contract contract, List<Consent> signatures, List<Consent> terminations) {
    var terms = contract.terms();
    var d = terms.deductions();
    var broker = contract.broker();
    var registration = contract.registration();
    return new ContractView(contract.id(), contract.version(), contract.status(), contract.statusReason(),
        contract.negotiationId(), contract.offerId(), contract.listingType(), contract.listingId(), terms.contractType(),
        terms.contractSubtype(), terms.projectName(), contract.scope(), contract.termMonths(), party(contract.seller()),
        party(contract.buyer()),
        broker == null ? null : new BrokerView(broker.organisationId(), broker.subject(), broker.commissionBasisPoints()),
        Money.cny(contract.totalFen()), Money.cny(contract.technicalTransactionFen()),
        new DeductionsView(Money.cny(d.equipmentFen()), Money.cny(d.instrumentsFen()), Money.cny(d.partsFen()),
            Money.cny(d.rawMaterialsFen()), Money.cny(d.carrierSamplesFen())),
        money(terms.expectedNewInvestmentFen()), money(terms.expectedNewOutputFen()), terms.technologyField(),
        terms.ipInvolvement().stream().sorted().toList(), terms.planSource(), contract.signingDate(), terms.validFrom(),
        terms.validUntil(),
        contract.milestones().stream().map(m -> new MilestoneView(m.id(), m.sequence(), m.title(), Money.cny(m.amountFen()),
            m.dueDate(), m.status(), m.deliveredAt(), m.acceptedAt())).toList(),
        consents(signatures), consents(terminations),
        new RegistrationView(registration.submittedAt(), registration.number(), registration.ruleSet(),
            registration.registeredAt()),
        contract.createdAt(), contract.updatedAt());
  }

  private static PartyView party(Party party) {
    return new PartyView(party.organisationId(), party.name(), party.creditCode(), party.countryCode(),
        party.regionCode(), party.legalCategory(), party.legalSubtype());
  }

  private static Money money(Long fen) {
    return fen == null ? null : Money.cny(fen);
  }

  private static List<ConsentView> consents(List<Consent> consents) {
    return consents.stream().map(c -> new ConsentView(c.party(), c.subject(), c.reason(), c.givenAt())).toList();
  }
}
