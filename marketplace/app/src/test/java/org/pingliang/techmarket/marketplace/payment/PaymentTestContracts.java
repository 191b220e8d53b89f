package org.pingliang.techmarket.marketplace.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.deal.AcceptedOffer.BrokerTerms;
import org.pingliang.techmarket.marketplace.deal.ContractLedger.PayableContract;
import org.pingliang.techmarket.marketplace.deal.ContractLedger.PayableMilestone;
import org.pingliang.techmarket.marketplace.deal.ContractLedgerStandin;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.springframework.context.ApplicationContext;

/**
 * The ONE place payment tests get contracts from. Today it fills the test-only
 * {@link ContractLedgerStandin}; once the contract feature is merged, rewrite {@link #registered} to
 * create a registered contract through the contract feature (same parties and milestone amounts).
 */
final class PaymentTestContracts {

  private PaymentTestContracts() {}

  /** A registered contract between the parties, one PENDING milestone per amount (fen). */
  static PayableContract registered(ApplicationContext context, UUID seller, UUID buyer, UUID broker,
      int commissionBps, long... milestoneFen) {
    var milestones = new ArrayList<PayableMilestone>();
    var total = 0L;
    for (var i = 0; i < milestoneFen.length; i++) {
      milestones.add(new PayableMilestone(Ids.newId(), i + 1, "第" + (i + 1) + "期", Money.cny(milestoneFen[i]), "PENDING"));
      total += milestoneFen[i];
    }
    var terms = broker == null ? null : new BrokerTerms(broker, "broker", commissionBps);
    var contract = new PayableContract(Ids.newId(), "REGISTERED", seller, buyer, terms, Money.cny(total), milestones);
    context.getBean(ContractLedgerStandin.class).put(contract);
    return contract;
  }

  /** The same contract in another state, e.g. {@code TERMINATED} or {@code DRAFT}. */
  static PayableContract withStatus(ApplicationContext context, PayableContract contract, String status) {
    var changed = new PayableContract(contract.contractId(), status, contract.sellerOrganisationId(),
        contract.buyerOrganisationId(), contract.broker(), contract.total(), contract.milestones());
    context.getBean(ContractLedgerStandin.class).put(changed);
    return changed;
  }

  static List<UUID> milestoneIds(PayableContract contract) {
    return contract.milestones().stream().map(PayableMilestone::milestoneId).toList();
  }
}
