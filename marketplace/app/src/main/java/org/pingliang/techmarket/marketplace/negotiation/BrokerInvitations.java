package org.pingliang.techmarket.marketplace.negotiation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.negotiation.internal.Refusal;
import org.pingliang.techmarket.marketplace.negotiation.internal.Side;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A party invites a broker (技术经纪人) into its room with a commission in basis points. Inviting is
 * the inviter's party agreeing to it; the broker joins when the other party has agreed too and the
 * broker has accepted, in any order. Who agreed for each party is kept on the room.
 */
@Service
class BrokerInvitations {

  static final String PENDING = "PENDING";

  private final Rooms rooms;
  private final NegotiationStore negotiations;
  private final BrokerStore store;
  private final RoomAccess access;
  private final BrokerChecks checks;
  private final TransactionalOperator transaction;
  private final Clock clock;

  BrokerInvitations(Rooms rooms, NegotiationStore negotiations, BrokerStore store, RoomAccess access,
      BrokerChecks checks, TransactionalOperator transaction, Clock clock) {
    this.rooms = rooms;
    this.negotiations = negotiations;
    this.store = store;
    this.access = access;
    this.checks = checks;
    this.transaction = transaction;
    this.clock = clock;
  }

  Mono<BrokerStore.Invitation> invite(Actor actor, UUID negotiationId, UUID brokerOrganisationId, String brokerSubject,
      Integer commissionBasisPoints) {
    return rooms.change(negotiationId, actor, (seat, now) -> {
      if (!seat.you().mayActForParty()) {
        return Mono.error(NegotiationProblems.forbidden());
      }
      var n = seat.negotiation();
      return Rooms.<Rooms.Change<BrokerStore.Invitation>>refuse(n.room().mayTalk())
          .then(n.broker() != null ? Mono.error(NegotiationProblems.refused(new Refusal("broker-present"))) : Mono.empty())
          .then(store.pendingInvitation(negotiationId)
              .flatMap(pending -> Mono.error(NegotiationProblems.refused(new Refusal("invitation-pending")))))
          .then(checks.commission(commissionBasisPoints))
          .then(checks.brokerOf(brokerOrganisationId, brokerSubject))
          .then(Mono.defer(() -> {
            var side = seat.you().side();
            var invitation = new BrokerStore.Invitation(Ids.newId(), negotiationId, brokerOrganisationId, brokerSubject,
                commissionBasisPoints, actor.subject(), side == Side.SELLER ? actor.subject() : null,
                side == Side.BUYER ? actor.subject() : null, null, PENDING, now, now);
            return store.insert(invitation)
                .thenReturn(new Rooms.Change<>(n.touched(now), "BrokerInvited", invitation.id(), invitation));
          }));
    });
  }

  /** The other party agrees to the broker and the commission. */
  Mono<BrokerStore.Invitation> agree(Actor actor, UUID negotiationId, UUID invitationId) {
    return onInvitation(actor, negotiationId, invitationId, (n, you, invitation, now) -> {
      if (you == null || !you.mayActForParty()) {
        return Mono.error(you == null ? NegotiationProblems.notFound() : NegotiationProblems.forbidden());
      }
      var agreed = you.side() == Side.SELLER
          ? invitation.with(invitation.agreedBySeller() == null ? actor.subject() : invitation.agreedBySeller(),
              invitation.agreedByBuyer(), invitation.acceptedByBrokerAt(), PENDING, now)
          : invitation.with(invitation.agreedBySeller(),
              invitation.agreedByBuyer() == null ? actor.subject() : invitation.agreedByBuyer(),
              invitation.acceptedByBrokerAt(), PENDING, now);
      return advanced(n, invitation, agreed, "BrokerInvitationAgreed", now);
    });
  }

  /** The invited broker accepts; before they have joined, the room is invisible to them. */
  Mono<BrokerStore.Invitation> accept(Actor actor, UUID negotiationId, UUID invitationId) {
    return onInvitation(actor, negotiationId, invitationId, (n, you, invitation, now) -> {
      if (!actor.subject().equals(invitation.brokerSubject())) {
        return Mono.error(you == null ? NegotiationProblems.notFound() : NegotiationProblems.forbidden());
      }
      var accepted = invitation.with(invitation.agreedBySeller(), invitation.agreedByBuyer(),
          invitation.acceptedByBrokerAt() == null ? now : invitation.acceptedByBrokerAt(), PENDING, now);
      return checks.brokerOf(invitation.brokerOrganisationId(), actor.subject())
          .onErrorMap(error -> NegotiationProblems.forbidden())
          .then(advanced(n, invitation, accepted, "BrokerInvitationAccepted", now));
    });
  }

  /** Either party or the invited broker turns the invitation down. */
  Mono<BrokerStore.Invitation> decline(Actor actor, UUID negotiationId, UUID invitationId) {
    return onInvitation(actor, negotiationId, invitationId, (n, you, invitation, now) -> {
      var broker = actor.subject().equals(invitation.brokerSubject());
      if (!broker && (you == null || !you.mayActForParty())) {
        return Mono.error(you == null ? NegotiationProblems.notFound() : NegotiationProblems.forbidden());
      }
      var declined = invitation.with(invitation.agreedBySeller(), invitation.agreedByBuyer(),
          invitation.acceptedByBrokerAt(), "DECLINED", now);
      return pending(invitation)
          .then(store.update(declined))
          .thenReturn(new Rooms.Change<>(n.touched(now), "BrokerInvitationDeclined", invitation.id(), declined));
    });
  }

  /** The caller's invitations as a broker, newest first. */
  Flux<BrokerStore.Invitation> mine(Actor actor, int size) {
    return store.invitationsOf(actor.subject(), size);
  }

  private Mono<Rooms.Change<BrokerStore.Invitation>> advanced(Negotiation n, BrokerStore.Invitation before,
      BrokerStore.Invitation after, String eventType, Instant now) {
    if (after.equals(before.with(before.agreedBySeller(), before.agreedByBuyer(), before.acceptedByBrokerAt(),
        before.status(), now))) {
      return pending(before).thenReturn(Rooms.Change.none(n, before));
    }
    if (!after.ready()) {
      return pending(before).then(n.room().mayTalk().<Mono<Void>>map(r -> Mono.error(NegotiationProblems.refused(r)))
              .orElseGet(Mono::empty))
          .then(store.update(after))
          .thenReturn(new Rooms.Change<>(n.touched(now), eventType, after.id(), after));
    }
    var joined = after.with(after.agreedBySeller(), after.agreedByBuyer(), after.acceptedByBrokerAt(), "JOINED", now);
    var broker = new Negotiation.Broker(joined.brokerOrganisationId(), joined.brokerSubject(),
        joined.commissionBasisPoints(), joined.agreedBySeller(), joined.agreedByBuyer());
    return pending(before)
        .then(n.room().mayTalk().<Mono<Void>>map(r -> Mono.error(NegotiationProblems.refused(r))).orElseGet(Mono::empty))
        .then(store.update(joined))
        .thenReturn(new Rooms.Change<>(n.withBroker(broker, now), "BrokerJoined", joined.id(), joined));
  }

  private static Mono<Void> pending(BrokerStore.Invitation invitation) {
    return PENDING.equals(invitation.status()) ? Mono.empty()
        : Mono.error(NegotiationProblems.refused(new Refusal("invitation-" + invitation.status().toLowerCase())));
  }

  @FunctionalInterface
  private interface InvitationStep {
    Mono<Rooms.Change<BrokerStore.Invitation>> apply(Negotiation n, Participant you, BrokerStore.Invitation invitation,
        Instant now);
  }

  /**
   * Like {@link Rooms#change} but also open to the invited broker, who is not yet a participant:
   * parties and the invited broker find the invitation; anyone else gets 404.
   */
  private Mono<BrokerStore.Invitation> onInvitation(Actor actor, UUID negotiationId, UUID invitationId,
      InvitationStep step) {
    return negotiations.lock(negotiationId)
        .switchIfEmpty(Mono.error(NegotiationProblems::notFound))
        .flatMap(n -> store.invitation(negotiationId, invitationId)
            .switchIfEmpty(Mono.error(NegotiationProblems::notFound))
            .flatMap(invitation -> access.participant(n, actor).map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(you -> {
                  if (you.isEmpty() && !invitation.brokerSubject().equals(actor.subject())) {
                    return Mono.error(NegotiationProblems.notFound());
                  }
                  return step.apply(n, you.orElse(null), invitation, Instant.now(clock));
                })))
        .flatMap(change -> rooms.record(change).thenReturn(change))
        .as(transaction::transactional)
        .flatMap(change -> rooms.announce(change).thenReturn(change.result()));
  }
}
