package org.pingliang.techmarket.marketplace.negotiation;

import java.util.UUID;

/**
 * The payload of every negotiation event on the deals stream: the room's state after the change
 * and the id of what changed (a message, an offer, an invitation); never message text or offer
 * terms, which stay confidential to the room.
 */
record NegotiationEvent(
    UUID negotiationId,
    String status,
    String listingType,
    UUID listingId,
    UUID sellerOrganisationId,
    UUID buyerOrganisationId,
    UUID subjectId,
    UUID acceptedOfferId,
    UUID contractId,
    String brokerSubject) {

  static NegotiationEvent of(Negotiation n, UUID subjectId) {
    return new NegotiationEvent(n.id(), n.status().name(), n.listingType().name(), n.listingId(),
        n.sellerOrganisationId(), n.buyerOrganisationId(), subjectId, n.acceptedOfferId(), n.contractId(),
        n.broker() == null ? null : n.broker().subject());
  }
}
