package org.pingliang.techmarket.marketplace.deal;

import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import reactor.core.publisher.Mono;

/** What payments may read about a contract. Owned by the contract feature. */
public interface ContractLedger {

  /** The contract's parties, broker terms and milestones, or empty when there is no such contract. */
  Mono<PayableContract> find(UUID contractId);

  record PayableContract(
      UUID contractId,
      String status,
      UUID sellerOrganisationId,
      UUID buyerOrganisationId,
      AcceptedOffer.BrokerTerms broker,
      Money total,
      List<PayableMilestone> milestones) {

    public PayableContract {
      milestones = List.copyOf(milestones);
    }

    /**
     * Whether money may be collected: the contract is registered, in performance, or completed (its
     * last milestone may be accepted before it is paid).
     */
    public boolean acceptsPayments() {
      return "REGISTERED".equals(status) || "IN_PERFORMANCE".equals(status) || "COMPLETED".equals(status);
    }
  }

  /**
   * @param status {@code PENDING}, {@code DELIVERED}, {@code ACCEPTED} (buyer accepted the
   *     delivery) or {@code CANCELLED}
   */
  record PayableMilestone(UUID milestoneId, int sequence, String title, Money amount, String status) {}
}
