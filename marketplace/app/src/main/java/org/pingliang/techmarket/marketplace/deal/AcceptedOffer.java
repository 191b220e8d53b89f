package org.pingliang.techmarket.marketplace.deal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Money;

/**
 * The terms both parties agreed on when one side accepted the other's offer: everything a contract
 * draft needs that the negotiation knows.
 *
 * @param negotiationId the negotiation room (also the idempotency key: one contract per room)
 * @param offerId the accepted offer
 * @param listingType {@code ACHIEVEMENT} or {@code DEMAND}
 * @param listingId the listing the inquiry was about
 * @param projectName the contract's project name (项目名称), by default the listing title
 * @param sellerOrganisationId the party that supplies the technology (卖方)
 * @param buyerOrganisationId the party that pays (买方)
 * @param broker the broker on the deal with the agreed commission, or null
 * @param contractType e.g. {@code TECHNOLOGY_TRANSFER}; see the contract feature for the list
 * @param contractSubtype e.g. {@code PATENT_RIGHT}, or null when the type has none
 * @param total the total contract amount (合同总额)
 * @param milestones the payment schedule; amounts add up to {@code total}
 * @param scope what is delivered, in the parties' words
 * @param termMonths how long the contract runs
 * @param acceptedBy the subject (Keycloak user id) who accepted
 * @param acceptedAt when the offer was accepted
 */
public record AcceptedOffer(
    UUID negotiationId,
    UUID offerId,
    String listingType,
    UUID listingId,
    String projectName,
    UUID sellerOrganisationId,
    UUID buyerOrganisationId,
    BrokerTerms broker,
    String contractType,
    String contractSubtype,
    Money total,
    List<Milestone> milestones,
    String scope,
    int termMonths,
    String acceptedBy,
    Instant acceptedAt) {

  public AcceptedOffer {
    Objects.requireNonNull(negotiationId, "negotiationId");
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(sellerOrganisationId, "sellerOrganisationId");
    Objects.requireNonNull(buyerOrganisationId, "buyerOrganisationId");
    Objects.requireNonNull(total, "total");
    milestones = List.copyOf(milestones);
    var sum = milestones.stream().mapToLong(m -> m.amount().amountFen()).sum();
    if (sum != total.amountFen()) {
      throw new IllegalArgumentException("milestones add up to " + sum + " fen, not " + total.amountFen());
    }
  }

  /** One step of the payment schedule (付款节点). */
  public record Milestone(int sequence, String title, Money amount, LocalDate dueDate) {}

  /**
   * The broker (技术经纪人) on the deal and what they earn: {@code commissionBasisPoints} of every
   * released milestone (100 = 1 %), paid out of the seller's share.
   */
  public record BrokerTerms(UUID brokerOrganisationId, String brokerSubject, int commissionBasisPoints) {

    public BrokerTerms {
      if (commissionBasisPoints < 0 || commissionBasisPoints > 10_000) {
        throw new IllegalArgumentException("commission must be 0..10000 basis points");
      }
    }
  }
}
