package org.pingliang.techmarket.marketplace.negotiation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.pingliang.techmarket.marketplace.negotiation.internal.Offer;
import org.pingliang.techmarket.marketplace.negotiation.internal.OfferStatus;
import org.pingliang.techmarket.marketplace.negotiation.internal.Side;

/**
 * An offer as the API shows it. While an NDA the holder requires is not acknowledged, the inquirer
 * sees that an offer exists and its status, but not its terms ({@code redacted}).
 */
record OfferView(
    UUID id,
    UUID negotiationId,
    Side madeBySide,
    String madeBy,
    OfferStatus status,
    boolean redacted,
    Money price,
    List<MilestoneView> milestones,
    String contractType,
    String contractSubtype,
    String scope,
    Integer termMonths,
    Instant expiresAt,
    String decidedBy,
    Instant decidedAt,
    Instant createdAt) {

  record MilestoneView(int sequence, String title, Money amount, LocalDate dueDate) {}

  static OfferView of(Offer offer, Instant now, boolean confidentialVisible) {
    var terms = offer.terms();
    if (!confidentialVisible) {
      return new OfferView(offer.id(), offer.negotiationId(), offer.madeBySide(), offer.madeBySubject(),
          offer.statusAt(now), true, null, null, null, null, null, null, terms.expiresAt(), offer.decidedBy(),
          offer.decidedAt(), offer.createdAt());
    }
    return new OfferView(offer.id(), offer.negotiationId(), offer.madeBySide(), offer.madeBySubject(),
        offer.statusAt(now), false, terms.price(),
        terms.milestones().stream().map(m -> new MilestoneView(m.sequence(), m.title(), m.amount(), m.dueDate())).toList(),
        terms.contractType().name(), terms.contractSubtype(), terms.scope(), terms.termMonths(), terms.expiresAt(),
        offer.decidedBy(), offer.decidedAt(), offer.createdAt());
  }
}
