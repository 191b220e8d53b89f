package org.pingliang.techmarket.marketplace.negotiation;

import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.negotiation.internal.NegotiationStatus;
import org.pingliang.techmarket.marketplace.negotiation.internal.Side;

/** A negotiation room as one participant sees it. */
record NegotiationView(
    UUID id,
    NegotiationStatus status,
    long version,
    ListingRef listing,
    UUID holderOrganisationId,
    UUID inquirerOrganisationId,
    UUID sellerOrganisationId,
    UUID buyerOrganisationId,
    Side yourSide,
    boolean youMayAct,
    Nda nda,
    BrokerView broker,
    OfferView openOffer,
    UUID acceptedOfferId,
    UUID contractId,
    UUID proposalId,
    String openedBy,
    Instant createdAt,
    Instant updatedAt) {

  /** The listing the room is about: the public details are on the listing's own resource. */
  record ListingRef(Negotiation.ListingType type, UUID id, String title) {}

  /** The NDA (保密协议): required by the holder, acknowledged by the inquirer. */
  record Nda(boolean required, String requiredBy, Instant requiredAt, boolean acknowledged, String acknowledgedBy,
      Instant acknowledgedAt) {}

  /** The broker on the deal and the agreed commission, with who agreed for each party. */
  record BrokerView(UUID organisationId, String subject, int commissionBasisPoints, String agreedBySeller,
      String agreedByBuyer) {}

  static NegotiationView of(Negotiation n, Participant you, OfferView openOffer) {
    var broker = n.broker() == null ? null : new BrokerView(n.broker().organisationId(), n.broker().subject(),
        n.broker().commissionBasisPoints(), n.broker().agreedBySeller(), n.broker().agreedByBuyer());
    return new NegotiationView(n.id(), n.status(), n.version(),
        new ListingRef(n.listingType(), n.listingId(), n.listingTitle()), n.holderOrganisationId(),
        n.inquirerOrganisationId(), n.sellerOrganisationId(), n.buyerOrganisationId(), you.side(), you.mayAct(),
        new Nda(n.ndaRequiredBy() != null, n.ndaRequiredBy(), n.ndaRequiredAt(), n.ndaAcknowledgedBy() != null,
            n.ndaAcknowledgedBy(), n.ndaAcknowledgedAt()),
        broker, openOffer, n.acceptedOfferId(), n.contractId(), n.proposalId(), n.openedBy(), n.createdAt(),
        n.updatedAt());
  }
}
