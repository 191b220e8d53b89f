package org.pingliang.techmarket.marketplace.negotiation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.negotiation.internal.NegotiationStatus;
import org.pingliang.techmarket.marketplace.negotiation.internal.Refusal;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A broker proposes a match (撮合) between an open demand and a published achievement. When both
 * holders have accepted, a room opens between them with the broker on it: the achievement's holder
 * sells, the demand's holder buys, and each acceptance is that party's agreement to the commission.
 */
@Service
class BrokerProposals {

  static final String PROPOSED = "PROPOSED";
  static final int MAX_NOTE = 2000;

  private final BrokerStore store;
  private final BrokerChecks checks;
  private final ListingLookup listings;
  private final Organisations organisations;
  private final Rooms rooms;
  private final TransactionalOperator transaction;
  private final Clock clock;

  BrokerProposals(BrokerStore store, BrokerChecks checks, ListingLookup listings, Organisations organisations,
      Rooms rooms, TransactionalOperator transaction, Clock clock) {
    this.store = store;
    this.checks = checks;
    this.listings = listings;
    this.organisations = organisations;
    this.rooms = rooms;
    this.transaction = transaction;
    this.clock = clock;
  }

  Mono<BrokerStore.Proposal> propose(Actor actor, UUID brokerOrganisationId, UUID demandId, UUID achievementId,
      Integer commissionBasisPoints, String note) {
    if (brokerOrganisationId == null) {
      return Mono.error(NegotiationProblems.invalid("brokerOrganisationId", "required"));
    }
    if (demandId == null || achievementId == null) {
      return Mono.error(NegotiationProblems.invalid(demandId == null ? "demandId" : "achievementId", "required"));
    }
    if (note != null && note.length() > MAX_NOTE) {
      return Mono.error(NegotiationProblems.invalid("note", "size"));
    }
    return organisations.roleOf(brokerOrganisationId, actor.subject())
        .filter(role -> role.mayEditListings())
        .switchIfEmpty(Mono.error(NegotiationProblems::forbidden))
        .then(checks.brokerOf(brokerOrganisationId, actor.subject()))
        .then(checks.commission(commissionBasisPoints))
        .then(Mono.zip(listings.available(Negotiation.ListingType.DEMAND, demandId, actor, "demandId"),
            listings.available(Negotiation.ListingType.ACHIEVEMENT, achievementId, actor, "achievementId")))
        .flatMap(both -> {
          var demand = both.getT1();
          var achievement = both.getT2();
          if (demand.organisationId().equals(achievement.organisationId())) {
            return Mono.error(NegotiationProblems.invalid("achievementId", "same-organisation"));
          }
          var now = Instant.now(clock);
          var proposal = new BrokerStore.Proposal(Ids.newId(), brokerOrganisationId, actor.subject(), demandId,
              demand.organisationId(), achievementId, achievement.organisationId(), achievement.title(), note,
              commissionBasisPoints, null, null, PROPOSED, null, null, now, now, 1);
          return store.insert(proposal).thenReturn(proposal);
        });
  }

  /** Visible to its broker and the members of both holders; 404 for anyone else. */
  Mono<BrokerStore.Proposal> view(Actor actor, UUID id) {
    return store.proposal(id, false)
        .filterWhen(proposal -> visible(proposal, actor))
        .switchIfEmpty(Mono.error(NegotiationProblems::notFound));
  }

  /** A holder accepts for its organisation; the second acceptance opens the room. */
  Mono<BrokerStore.Proposal> accept(Actor actor, UUID id) {
    return decide(actor, id, (proposal, holder, now) -> {
      var demandSide = holder == Holder.DEMAND;
      var accepted = proposal.with(
          demandSide && proposal.acceptedByDemandHolder() == null ? actor.subject() : proposal.acceptedByDemandHolder(),
          !demandSide && proposal.acceptedByAchievementHolder() == null
              ? actor.subject() : proposal.acceptedByAchievementHolder(),
          PROPOSED, null, null, now);
      if (accepted.acceptedByDemandHolder() == null || accepted.acceptedByAchievementHolder() == null) {
        return store.update(accepted).thenReturn(accepted);
      }
      var room = new Negotiation(Ids.newId(), Negotiation.ListingType.ACHIEVEMENT, proposal.achievementId(),
          proposal.achievementTitle(), proposal.achievementOrganisationId(), proposal.demandOrganisationId(),
          proposal.achievementOrganisationId(), proposal.demandOrganisationId(), NegotiationStatus.OPEN,
          proposal.brokerSubject(), proposal.id(), null, null, null, null,
          new Negotiation.Broker(proposal.brokerOrganisationId(), proposal.brokerSubject(),
              proposal.commissionBasisPoints(), accepted.acceptedByAchievementHolder(), accepted.acceptedByDemandHolder()),
          null, null, now, now, 1);
      var opened = accepted.with(accepted.acceptedByDemandHolder(), accepted.acceptedByAchievementHolder(), "OPENED",
          null, room.id(), now);
      return rooms.open(room, "NegotiationOpened")
          .filter(Boolean::booleanValue)
          .switchIfEmpty(Mono.error(() -> NegotiationProblems.refused(new Refusal("room-exists"))))
          .then(store.update(withVersion(opened, proposal.version() + 1)))
          .thenReturn(withVersion(opened, proposal.version() + 1));
    });
  }

  Mono<BrokerStore.Proposal> decline(Actor actor, UUID id) {
    return decide(actor, id, (proposal, holder, now) -> {
      var declined = proposal.with(proposal.acceptedByDemandHolder(), proposal.acceptedByAchievementHolder(), "DECLINED",
          actor.subject(), null, now);
      return store.update(declined).thenReturn(declined);
    });
  }

  private enum Holder { DEMAND, ACHIEVEMENT }

  @FunctionalInterface
  private interface Decision {
    Mono<BrokerStore.Proposal> apply(BrokerStore.Proposal proposal, Holder holder, Instant now);
  }

  private Mono<BrokerStore.Proposal> decide(Actor actor, UUID id, Decision decision) {
    return store.proposal(id, true)
        .filterWhen(proposal -> visible(proposal, actor))
        .switchIfEmpty(Mono.error(NegotiationProblems::notFound))
        .flatMap(proposal -> holderOf(proposal, actor)
            .switchIfEmpty(Mono.error(NegotiationProblems::forbidden))
            .flatMap(holder -> PROPOSED.equals(proposal.status())
                ? decision.apply(proposal, holder, Instant.now(clock))
                : Mono.error(NegotiationProblems.refused(new Refusal("proposal-" + proposal.status().toLowerCase())))))
        .as(transaction::transactional);
  }

  /** The holder the actor may decide for (OWNER or EDITOR), preferring one that has not yet accepted. */
  private Mono<Holder> holderOf(BrokerStore.Proposal proposal, Actor actor) {
    var demand = organisations.roleOf(proposal.demandOrganisationId(), actor.subject())
        .filter(role -> role.mayEditListings()).map(role -> Holder.DEMAND);
    var achievement = organisations.roleOf(proposal.achievementOrganisationId(), actor.subject())
        .filter(role -> role.mayEditListings()).map(role -> Holder.ACHIEVEMENT);
    return demand.concatWith(achievement).collectList().flatMap(holders -> holders.stream()
        .filter(h -> h == Holder.DEMAND ? proposal.acceptedByDemandHolder() == null
            : proposal.acceptedByAchievementHolder() == null)
        .findFirst().or(() -> holders.stream().findFirst())
        .map(Mono::just).orElseGet(Mono::empty));
  }

  private Mono<Boolean> visible(BrokerStore.Proposal proposal, Actor actor) {
    if (actor.isAnonymous()) {
      return Mono.just(false);
    }
    if (actor.subject().equals(proposal.brokerSubject())) {
      return Mono.just(true);
    }
    return organisations.roleOf(proposal.demandOrganisationId(), actor.subject())
        .switchIfEmpty(organisations.roleOf(proposal.achievementOrganisationId(), actor.subject()))
        .hasElement();
  }

  private static BrokerStore.Proposal withVersion(BrokerStore.Proposal p, long version) {
    return new BrokerStore.Proposal(p.id(), p.brokerOrganisationId(), p.brokerSubject(), p.demandId(),
        p.demandOrganisationId(), p.achievementId(), p.achievementOrganisationId(), p.achievementTitle(), p.note(),
        p.commissionBasisPoints(), p.acceptedByDemandHolder(), p.acceptedByAchievementHolder(), p.status(),
        p.declinedBy(), p.negotiationId(), p.createdAt(), p.updatedAt(), version);
  }
}
