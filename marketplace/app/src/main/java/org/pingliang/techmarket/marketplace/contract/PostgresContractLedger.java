package org.pingliang.techmarket.marketplace.contract;

import java.util.UUID;
import org.pingliang.techmarket.marketplace.deal.AcceptedOffer;
import org.pingliang.techmarket.marketplace.deal.ContractLedger;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What payments read about a contract: parties, broker terms, total and milestones, from PostgreSQL. */
@Component
class PostgresContractLedger implements ContractLedger {

  private final ContractStore store;

  PostgresContractLedger(ContractStore store) {
    this.store = store;
  }

  @Override
  public Mono<PayableContract> find(UUID contractId) {
    return store.find(contractId).map(PostgresContractLedger::payable);
  }

  private static PayableContract payable(Contract contract) {
    var broker = contract.broker();
    var terms = broker == null ? null : new AcceptedOffer.BrokerTerms(broker.organisationId(), broker.subject(),
        broker.commissionBasisPoints() == null ? 0 : broker.commissionBasisPoints());
    return new PayableContract(contract.id(), contract.status().name(), contract.seller().organisationId(),
        contract.buyer().organisationId(), terms, Money.cny(contract.totalFen()),
        contract.milestones().stream().map(m -> new PayableMilestone(m.id(), m.sequence(), m.title(),
            Money.cny(m.amountFen()), m.status().name())).toList());
  }
}
