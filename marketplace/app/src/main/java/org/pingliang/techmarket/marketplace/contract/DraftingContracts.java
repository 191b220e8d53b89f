package org.pingliang.techmarket.marketplace.contract;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.deal.AcceptedOffer;
import org.pingliang.techmarket.marketplace.deal.ContractDrafting;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.pingliang.techmarket.marketplace.organisation.Organisation;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Turns an accepted offer into a contract draft, once per negotiation. The parties' registration
 * identity is copied from their organisations now; the registration fields the offer does not know
 * (technology field, IP, plan source…) stay empty for the parties to fill in. Validity runs from the
 * acceptance day (China time) for the agreed number of months.
 */
@Service
class DraftingContracts implements ContractDrafting {

  private final ContractStore store;
  private final ContractRecords records;
  private final Organisations organisations;
  private final TransactionalOperator transaction;
  private final Clock clock;

  DraftingContracts(ContractStore store, ContractRecords records, Organisations organisations,
      TransactionalOperator transaction, Clock clock) {
    this.store = store;
    this.records = records;
    this.organisations = organisations;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public Mono<UUID> draft(AcceptedOffer offer) {
    var type = ContractType.parse(offer.contractType());
    if (type == null) {
      return Mono.error(ContractProblems.invalid("contractType", "invalid-value"));
    }
    if (!type.allows(offer.contractSubtype())) {
      return Mono.error(ContractProblems.invalid("contractSubtype", "subtype-mismatch"));
    }
    if (offer.sellerOrganisationId().equals(offer.buyerOrganisationId())) {
      return Mono.error(ContractProblems.invalid("buyerOrganisationId", "same-party"));
    }
    if (!Money.CNY.equals(offer.total().currency()) || !schedule(offer)) {
      return Mono.error(ContractProblems.invalid("milestones", "invalid-value"));
    }
    // Joins the caller's transaction when there is one (PROPAGATION_REQUIRED), so the negotiation's
    // acceptance and the draft commit together.
    return Mono.zip(organisation(offer.sellerOrganisationId(), "sellerOrganisationId"),
            organisation(offer.buyerOrganisationId(), "buyerOrganisationId"))
        .flatMap(parties -> {
          var contract = newDraft(offer, type, Party.of(parties.getT1()), Party.of(parties.getT2()));
          return store.insertIfAbsent(contract).flatMap(inserted -> inserted
              ? store.replaceMilestones(contract.id(), contract.milestones(), contract.createdAt())
                  .then(records.recorded(contract, ContractAction.DRAFT_CONTRACT.eventType(), actor(offer),
                      Map.of("negotiationId", offer.negotiationId().toString(), "offerId", offer.offerId().toString()),
                      contract.createdAt()))
                  .thenReturn(contract.id())
              : store.idOfNegotiation(offer.negotiationId()));
        })
        .as(transaction::transactional);
  }

  /** Milestones numbered once each from 1, with a title that fits the form. */
  private static boolean schedule(AcceptedOffer offer) {
    var sequences = new java.util.HashSet<Integer>();
    return offer.milestones().stream().allMatch(m -> m.sequence() >= 1 && sequences.add(m.sequence())
        && m.title() != null && !m.title().isBlank() && m.title().length() <= 200
        && Money.CNY.equals(m.amount().currency()));
  }

  private Mono<Organisation> organisation(UUID id, String field) {
    return organisations.find(id).switchIfEmpty(Mono.error(ContractProblems.invalid(field, "unknown-organisation")));
  }

  private Contract newDraft(AcceptedOffer offer, ContractType type, Party seller, Party buyer) {
    var now = Instant.now(clock);
    var acceptedOn = LocalDate.ofInstant(offer.acceptedAt() == null ? now : offer.acceptedAt(), ContractClock.CHINA);
    var terms = new Terms(type, offer.contractSubtype(), projectName(offer), Deductions.NONE, null, null, null, Set.of(),
        null, acceptedOn, offer.termMonths() > 0 ? acceptedOn.plusMonths(offer.termMonths()).minusDays(1) : null);
    var milestones = offer.milestones().stream()
        .map(m -> new Milestone(Ids.newId(), m.sequence(), m.title(), m.amount().amountFen(), m.dueDate(),
            MilestoneStatus.PENDING, null, null, null, null))
        .toList();
    var broker = offer.broker() == null ? null : new Contract.Broker(offer.broker().brokerOrganisationId(),
        offer.broker().brokerSubject(), offer.broker().commissionBasisPoints());
    return new Contract(Ids.newId(), offer.negotiationId(), offer.offerId(), offer.listingType(), offer.listingId(),
        ContractStatus.DRAFT, null, seller, buyer, broker, offer.total().amountFen(), terms, milestones, offer.scope(),
        Math.max(0, offer.termMonths()), null, Contract.Registration.NONE, actor(offer), now, now, 1);
  }

  private static String projectName(AcceptedOffer offer) {
    var name = offer.projectName() == null || offer.projectName().isBlank() ? "技术合同" : offer.projectName().strip();
    return name.length() > 200 ? name.substring(0, 200) : name;
  }

  private static String actor(AcceptedOffer offer) {
    return offer.acceptedBy() == null ? "system" : offer.acceptedBy();
  }
}
