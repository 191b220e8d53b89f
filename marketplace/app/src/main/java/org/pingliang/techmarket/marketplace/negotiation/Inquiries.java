package org.pingliang.techmarket.marketplace.negotiation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.credit.TradingBans;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.identity.Role;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.negotiation.internal.NegotiationStatus;
import org.pingliang.techmarket.marketplace.negotiation.internal.Side;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Inquiries (询价/洽谈意向): an enterprise on a published achievement, or a university on an open
 * demand, acting for an organisation it owns or edits for, opens a private room with the holder.
 * A second inquiry while the room is open returns that room (200) instead of a new one (201).
 */
@Service
class Inquiries {

  private final ListingLookup listings;
  private final NegotiationStore negotiations;
  private final Organisations organisations;
  private final Rooms rooms;
  private final TradingBans bans;
  private final Clock clock;

  Inquiries(ListingLookup listings, NegotiationStore negotiations, Organisations organisations, Rooms rooms,
      TradingBans bans, Clock clock) {
    this.bans = bans;
    this.listings = listings;
    this.negotiations = negotiations;
    this.organisations = organisations;
    this.rooms = rooms;
    this.clock = clock;
  }

  /** The room and whether this inquiry opened it. */
  record Opened(NegotiationView negotiation, boolean created) {}

  Mono<Opened> inquire(Actor actor, Negotiation.ListingType type, UUID listingId, UUID organisationId) {
    var role = type == Negotiation.ListingType.ACHIEVEMENT ? Role.ENTERPRISE : Role.UNIVERSITY;
    if (!actor.has(role)) {
      return Mono.error(NegotiationProblems.forbidden());
    }
    return organisations.roleOf(organisationId, actor.subject())
        .filter(memberRole -> memberRole.mayEditListings())
        .switchIfEmpty(Mono.error(NegotiationProblems::forbidden))
        .then(bans.requireOrganisationAllowed(organisationId))
        .then(bans.requirePersonAllowed(actor.subject()))
        .then(listings.available(type, listingId, actor, "listingId"))
        .flatMap(listing -> {
          if (listing.organisationId().equals(organisationId)) {
            return Mono.error(NegotiationProblems.invalid("organisationId", "own-listing"));
          }
          var now = Instant.now(clock);
          var sellerIsHolder = type.holderSide() == Side.SELLER;
          var room = new Negotiation(Ids.newId(), type, listingId, listing.title(), listing.organisationId(),
              organisationId, sellerIsHolder ? listing.organisationId() : organisationId,
              sellerIsHolder ? organisationId : listing.organisationId(), NegotiationStatus.OPEN, actor.subject(), null,
              null, null, null, null, null, null, null, now, now, 1);
          return rooms.open(room, "NegotiationOpened")
              .flatMap(opened -> opened ? rooms.view(room.id(), actor).map(view -> new Opened(view, true))
                  : negotiations.findOpen(listingId, organisationId)
                      .flatMap(existing -> rooms.view(existing.id(), actor))
                      .map(view -> new Opened(view, false)));
        });
  }
}
