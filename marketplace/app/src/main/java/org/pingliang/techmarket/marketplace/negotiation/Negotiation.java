package org.pingliang.techmarket.marketplace.negotiation;

import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.negotiation.internal.NegotiationStatus;
import org.pingliang.techmarket.marketplace.negotiation.internal.Room;
import org.pingliang.techmarket.marketplace.negotiation.internal.Side;

/** A negotiation room (洽谈室) as stored. {@code version} grows with every change and versions its events. */
record Negotiation(
    UUID id,
    ListingType listingType,
    UUID listingId,
    String listingTitle,
    UUID holderOrganisationId,
    UUID inquirerOrganisationId,
    UUID sellerOrganisationId,
    UUID buyerOrganisationId,
    NegotiationStatus status,
    String openedBy,
    UUID proposalId,
    String ndaRequiredBy,
    Instant ndaRequiredAt,
    String ndaAcknowledgedBy,
    Instant ndaAcknowledgedAt,
    Broker broker,
    UUID acceptedOfferId,
    UUID contractId,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** What a listing is: the holder of an achievement sells, the holder of a demand buys. */
  enum ListingType {
    ACHIEVEMENT,
    DEMAND;

    Side holderSide() {
      return this == ACHIEVEMENT ? Side.SELLER : Side.BUYER;
    }
  }

  /** The broker on the deal and the commission both parties agreed to, with who agreed for each. */
  record Broker(UUID organisationId, String subject, int commissionBasisPoints, String agreedBySeller,
      String agreedByBuyer) {}

  Room room() {
    return new Room(id, status, sellerOrganisationId, buyerOrganisationId, listingType.holderSide(),
        ndaRequiredBy != null, ndaAcknowledgedBy != null, broker == null ? null : broker.subject());
  }

  UUID organisationOf(Side side) {
    return side == Side.SELLER ? sellerOrganisationId : buyerOrganisationId;
  }

  /** The room after one change: version + 1, and the given NDA, broker and agreement fields. */
  private Negotiation next(Instant now, NegotiationStatus nextStatus, String requiredBy, Instant requiredAt,
      String acknowledgedBy, Instant acknowledgedAt, Broker nextBroker, UUID offerId, UUID contract) {
    return new Negotiation(id, listingType, listingId, listingTitle, holderOrganisationId, inquirerOrganisationId,
        sellerOrganisationId, buyerOrganisationId, nextStatus, openedBy, proposalId, requiredBy, requiredAt, acknowledgedBy,
        acknowledgedAt, nextBroker, offerId, contract, createdAt, now, version + 1);
  }

  /** Any change that only bumps the version (a message, an offer): its event needs a version of its own. */
  Negotiation touched(Instant now) {
    return next(now, status, ndaRequiredBy, ndaRequiredAt, ndaAcknowledgedBy, ndaAcknowledgedAt, broker,
        acceptedOfferId, contractId);
  }

  Negotiation ndaRequired(String subject, Instant now) {
    return next(now, status, subject, now, ndaAcknowledgedBy, ndaAcknowledgedAt, broker, acceptedOfferId, contractId);
  }

  Negotiation ndaAcknowledged(String subject, Instant now) {
    return next(now, status, ndaRequiredBy, ndaRequiredAt, subject, now, broker, acceptedOfferId, contractId);
  }

  Negotiation withBroker(Broker joined, Instant now) {
    return next(now, status, ndaRequiredBy, ndaRequiredAt, ndaAcknowledgedBy, ndaAcknowledgedAt, joined,
        acceptedOfferId, contractId);
  }

  Negotiation agreed(UUID offerId, UUID contract, Instant now) {
    return next(now, NegotiationStatus.AGREED, ndaRequiredBy, ndaRequiredAt, ndaAcknowledgedBy, ndaAcknowledgedAt,
        broker, offerId, contract);
  }
}
