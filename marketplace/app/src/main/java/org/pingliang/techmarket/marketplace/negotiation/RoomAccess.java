package org.pingliang.techmarket.marketplace.negotiation;

import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.negotiation.internal.Side;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who takes part in a room: members of the two parties' organisations and the room's broker.
 * Nobody else, administrators included, learns that the room exists (404).
 */
@Component
class RoomAccess {

  private final Organisations organisations;

  RoomAccess(Organisations organisations) {
    this.organisations = organisations;
  }

  /** The caller's part in the room, or empty when they have none. */
  Mono<Participant> participant(Negotiation negotiation, Actor actor) {
    if (actor.isAnonymous()) {
      return Mono.empty();
    }
    if (negotiation.broker() != null && actor.subject().equals(negotiation.broker().subject())) {
      return Mono.just(new Participant(Side.BROKER, true));
    }
    var seller = organisations.roleOf(negotiation.sellerOrganisationId(), actor.subject())
        .map(role -> new Participant(Side.SELLER, role.mayEditListings()));
    var buyer = organisations.roleOf(negotiation.buyerOrganisationId(), actor.subject())
        .map(role -> new Participant(Side.BUYER, role.mayEditListings()));
    // Someone in both organisations acts for the side where they may act; the seller's first.
    return seller.concatWith(buyer).collectList().flatMap(parts -> parts.stream()
        .filter(Participant::mayAct).findFirst().or(() -> parts.stream().findFirst())
        .map(Mono::just).orElseGet(Mono::empty));
  }
}
