package org.pingliang.techmarket.marketplace.negotiation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.credit.TradingBans;
import org.pingliang.techmarket.marketplace.deal.AcceptedOffer;
import org.pingliang.techmarket.marketplace.deal.ContractDrafting;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.Page;
import org.pingliang.techmarket.marketplace.listing.shared.Pages;
import org.pingliang.techmarket.marketplace.negotiation.internal.Offer;
import org.pingliang.techmarket.marketplace.negotiation.internal.OfferDraft;
import org.pingliang.techmarket.marketplace.negotiation.internal.OfferStatus;
import org.pingliang.techmarket.marketplace.negotiation.internal.Refusal;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Offers (报价): make or counter (the new offer supersedes the open one), accept, decline, withdraw.
 * Acceptance drafts the contract in the same transaction, under the room's row lock, so crossing
 * acceptances produce exactly one accepted offer and one contract.
 */
@Service
class Bargaining {

  static final String MAKE = "offer";
  static final String ACCEPT = "acceptance";

  private final Rooms rooms;
  private final OfferStore offers;
  private final IdempotencyKeys keys;
  private final ContractDrafting drafting;
  private final TradingBans bans;
  private final Clock clock;

  Bargaining(Rooms rooms, OfferStore offers, IdempotencyKeys keys, ContractDrafting drafting, TradingBans bans,
      Clock clock) {
    this.bans = bans;
    this.rooms = rooms;
    this.offers = offers;
    this.keys = keys;
    this.drafting = drafting;
    this.clock = clock;
  }

  /** The offer and whether it was made by this request (false: a replay of the same Idempotency-Key). */
  record Outcome(OfferView offer, boolean created) {}

  Mono<Outcome> make(Actor actor, UUID negotiationId, OfferDraft draft, String idempotencyKey) {
    return keys.earlier(actor.subject(), idempotencyKey, MAKE, negotiationId)
        .flatMap(earlier -> show(actor, negotiationId, earlier).map(view -> new Outcome(view, false)))
        .switchIfEmpty(Mono.defer(() -> rooms.change(negotiationId, actor, (seat, now) -> {
          var you = seat.you();
          if (!you.mayActForParty()) {
            return Mono.error(NegotiationProblems.forbidden());
          }
          var checked = draft.check(now);
          if (!checked.isValid()) {
            return Mono.error(NegotiationProblems.invalid(checked.violations()));
          }
          var offer = new Offer(Ids.newId(), negotiationId, you.side(), actor.subject(), OfferStatus.OPEN,
              checked.terms(), null, null, now);
          return Rooms.<Rooms.Change<Outcome>>refuse(seat.negotiation().room().mayBargain(you.side()))
              .then(bans.requireOrganisationAllowed(seat.negotiation().organisationOf(you.side())))
              .then(bans.requirePersonAllowed(actor.subject()))
              .then(offers.open(negotiationId)
                  .flatMap(open -> offers.decide(open.decided(OfferStatus.SUPERSEDED, actor.subject(), now)))
                  .then(offers.insert(offer))
                  .then(keys.remember(actor.subject(), idempotencyKey, MAKE, negotiationId, offer.id()))
                  .thenReturn(new Rooms.Change<>(seat.negotiation().touched(now), "OfferMade", offer.id(),
                      new Outcome(OfferView.of(offer, now, true), true))));
        })));
  }

  Mono<OfferView> accept(Actor actor, UUID negotiationId, UUID offerId, String idempotencyKey) {
    return keys.earlier(actor.subject(), idempotencyKey, ACCEPT, offerId)
        .flatMap(earlier -> show(actor, negotiationId, earlier))
        .switchIfEmpty(Mono.defer(() -> rooms.change(negotiationId, actor, (seat, now) ->
            answer(seat, offerId, now, offer -> offer.mayAccept(seat.you().side(), now))
                .flatMap(offer -> tradingAllowed(seat.negotiation(), actor).thenReturn(offer))
                .flatMap(offer -> {
                  var accepted = offer.decided(OfferStatus.ACCEPTED, actor.subject(), now);
                  return offers.decide(accepted)
                      .filter(Boolean::booleanValue)
                      .switchIfEmpty(Mono.error(() -> NegotiationProblems.refused(Refusal.notOpen(OfferStatus.ACCEPTED))))
                      .then(drafting.draft(acceptedOffer(seat.negotiation(), accepted, now)))
                      .flatMap(contractId -> keys.remember(actor.subject(), idempotencyKey, ACCEPT, offerId, offerId)
                          .thenReturn(new Rooms.Change<>(seat.negotiation().agreed(offerId, contractId, now),
                              "OfferAccepted", offerId, OfferView.of(accepted, now, true))));
                }))));
  }

  Mono<OfferView> decline(Actor actor, UUID negotiationId, UUID offerId) {
    return rooms.change(negotiationId, actor, (seat, now) ->
        answer(seat, offerId, now, offer -> offer.mayDecline(seat.you().side(), now))
            .flatMap(offer -> decided(seat, offer.decided(OfferStatus.DECLINED, actor.subject(), now), "OfferDeclined",
                now)));
  }

  Mono<OfferView> withdraw(Actor actor, UUID negotiationId, UUID offerId) {
    return rooms.change(negotiationId, actor, (seat, now) ->
        answer(seat, offerId, now, offer -> offer.mayWithdraw(seat.you().side(), now))
            .flatMap(offer -> decided(seat, offer.decided(OfferStatus.WITHDRAWN, actor.subject(), now),
                "OfferWithdrawn", now)));
  }

  /** One offer of a room the caller takes part in. */
  Mono<OfferView> show(Actor actor, UUID negotiationId, UUID offerId) {
    return rooms.seat(negotiationId, actor).flatMap(seat -> offers.find(negotiationId, offerId)
        .switchIfEmpty(Mono.error(NegotiationProblems::notFound))
        .map(offer -> OfferView.of(offer, Instant.now(clock), seat.confidentialVisible())));
  }

  /** The room's offers, newest first. */
  Mono<Page<OfferView>> list(Actor actor, UUID negotiationId, String cursor, int size) {
    return rooms.seat(negotiationId, actor).flatMap(seat -> {
      var now = Instant.now(clock);
      return Pages.of(offers.of(negotiationId, Pages.decode(cursor), size + 1)
              .map(offer -> OfferView.of(offer, now, seat.confidentialVisible())), size,
          last -> new Cursor(last.createdAt(), last.id()));
    });
  }

  /** A deal binds both parties (and the broker): none of them may be on the blacklist. */
  private Mono<Void> tradingAllowed(Negotiation negotiation, Actor actor) {
    return bans.requireOrganisationAllowed(negotiation.sellerOrganisationId())
        .then(bans.requireOrganisationAllowed(negotiation.buyerOrganisationId()))
        .then(bans.requirePersonAllowed(actor.subject()))
        .then(negotiation.broker() == null || negotiation.broker().subject() == null ? Mono.empty()
            : bans.requirePersonAllowed(negotiation.broker().subject()));
  }

  private interface Rule {
    Optional<Refusal> check(Offer offer);
  }

  /** The offer, when the caller may answer it for their party: 403, 404 and 409 otherwise. */
  private Mono<Offer> answer(Rooms.Seat seat, UUID offerId, Instant now, Rule rule) {
    if (!seat.you().mayActForParty()) {
      return Mono.error(NegotiationProblems.forbidden());
    }
    return offers.find(seat.negotiation().id(), offerId)
        .switchIfEmpty(Mono.error(NegotiationProblems::notFound))
        .flatMap(offer -> Rooms.<Offer>refuse(seat.negotiation().room().mayBargain(seat.you().side()))
            .then(Rooms.<Offer>refuse(rule.check(offer)))
            .thenReturn(offer));
  }

  private Mono<Rooms.Change<OfferView>> decided(Rooms.Seat seat, Offer decided, String eventType, Instant now) {
    return offers.decide(decided)
        .filter(Boolean::booleanValue)
        .switchIfEmpty(Mono.error(() -> NegotiationProblems.refused(Refusal.notOpen(decided.status()))))
        .thenReturn(new Rooms.Change<>(seat.negotiation().touched(now), eventType, decided.id(),
            OfferView.of(decided, now, true)));
  }

  private static AcceptedOffer acceptedOffer(Negotiation n, Offer offer, Instant now) {
    var terms = offer.terms();
    var broker = n.broker() == null ? null : new AcceptedOffer.BrokerTerms(n.broker().organisationId(),
        n.broker().subject(), n.broker().commissionBasisPoints());
    return new AcceptedOffer(n.id(), offer.id(), n.listingType().name(), n.listingId(), n.listingTitle(),
        n.sellerOrganisationId(), n.buyerOrganisationId(), broker, terms.contractType().name(), terms.contractSubtype(),
        terms.price(),
        terms.milestones().stream()
            .map(m -> new AcceptedOffer.Milestone(m.sequence(), m.title(), m.amount(), m.dueDate())).toList(),
        terms.scope(), terms.termMonths(), offer.decidedBy(), now);
  }
}
