package org.pingliang.techmarket.marketplace.negotiation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.pingliang.techmarket.marketplace.listing.shared.Money;

/**
 * What one side offers: the price in fen, the payment schedule (whose amounts add up to the price),
 * the contract type and subtype, the scope, the term and until when the offer stands. Built only by
 * {@link OfferDraft#check}, so a value of this type is always valid.
 */
public record OfferTerms(
    Money price,
    List<Milestone> milestones,
    ContractType contractType,
    String contractSubtype,
    String scope,
    int termMonths,
    Instant expiresAt) {

  public OfferTerms {
    milestones = List.copyOf(milestones);
  }

  /** One step of the payment schedule (付款节点). */
  public record Milestone(int sequence, String title, Money amount, LocalDate dueDate) {}
}
