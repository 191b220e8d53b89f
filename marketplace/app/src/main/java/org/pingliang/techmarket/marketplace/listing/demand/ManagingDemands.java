package org.pingliang.techmarket.marketplace.listing.demand;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.ListingAccess;
import org.pingliang.techmarket.marketplace.listing.shared.ListingProblems;
import org.pingliang.techmarket.marketplace.listing.shared.Page;
import org.pingliang.techmarket.marketplace.listing.shared.Pages;
import org.pingliang.techmarket.marketplace.listing.shared.Revisions;
import org.pingliang.techmarket.marketplace.outbox.Outbox;
import org.pingliang.techmarket.marketplace.outbox.OutboxMessage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Posting demands and moving them through open → in negotiation → solved/closed. A demand is public
 * from the moment it is posted, so only verified enterprises may post; administrators may close
 * one (moderation). Row, history and event are written in one transaction.
 */
@Service
public class ManagingDemands {

  static final String AGGREGATE = "Demand";

  private final DemandStore store;
  private final ListingAccess access;
  private final Revisions revisions;
  private final Outbox outbox;
  private final TransactionalOperator transaction;
  private final Clock clock;

  ManagingDemands(DemandStore store, ListingAccess access, Revisions revisions, Outbox outbox,
      TransactionalOperator transaction, Clock clock) {
    this.store = store;
    this.access = access;
    this.revisions = revisions;
    this.outbox = outbox;
    this.transaction = transaction;
    this.clock = clock;
  }

  public Mono<Demand> create(Actor actor, UUID organisationId, Demand.Content content) {
    var now = Instant.now(clock);
    var demand = new Demand(Ids.newId(), organisationId, null, content, DemandStatus.OPEN, null, actor.subject(), now,
        now, now, 1);
    return access.requireEditorOf(organisationId, actor)
        .then(access.requireVerified(organisationId))
        .then(store.insert(demand)
            .then(store.find(demand.id()))
            .flatMap(created -> recorded(created, DemandAction.CREATE, actor, null))
            .as(transaction::transactional));
  }

  public Mono<Demand> edit(Actor actor, UUID id, long expectedVersion, Demand.Content content) {
    return change(actor, id, expectedVersion, DemandAction.EDIT, null, content);
  }

  public Mono<Demand> act(Actor actor, UUID id, DemandAction action, Long expectedVersion, String reason) {
    return change(actor, id, expectedVersion, action, reason, null);
  }

  public Mono<Demand> view(Actor actor, UUID id) {
    return store.find(id)
        .filterWhen(found -> found.isPublic() ? Mono.just(true) : access.maySeeUnpublished(found.organisationId(), actor))
        .switchIfEmpty(Mono.error(ListingProblems.notFound()));
  }

  public Mono<Page<Demand>> open(boolean challengesOnly, String cursor, int size) {
    return Pages.of(store.open(challengesOnly, Pages.decode(cursor), size + 1), size,
        last -> new Cursor(last.publishedAt(), last.id()));
  }

  public Mono<Page<Demand>> ofOrganisation(Actor actor, UUID organisationId, DemandStatus status, String cursor, int size) {
    return access.maySeeUnpublished(organisationId, actor)
        .filter(Boolean::booleanValue)
        .switchIfEmpty(Mono.error(ListingProblems.notFound()))
        .flatMap(allowed -> Pages.of(store.ofOrganisation(organisationId, status, Pages.decode(cursor), size + 1), size,
            last -> new Cursor(last.updatedAt(), last.id())));
  }

  public Flux<Revisions.Revision> history(Actor actor, UUID id) {
    return store.find(id)
        .filterWhen(found -> access.maySeeUnpublished(found.organisationId(), actor))
        .switchIfEmpty(Mono.error(ListingProblems.notFound()))
        .flatMapMany(found -> revisions.of(AGGREGATE, id));
  }

  private Mono<Demand> change(Actor actor, UUID id, Long expectedVersion, DemandAction action, String reason,
      Demand.Content newContent) {
    return store.lock(id)
        .filterWhen(current -> current.isPublic() ? Mono.just(true) : access.maySeeUnpublished(current.organisationId(), actor))
        .switchIfEmpty(Mono.error(ListingProblems.notFound()))
        .filterWhen(current -> action == DemandAction.CLOSE && actor.isAdmin()
            ? Mono.just(true) : access.mayEdit(current.organisationId(), actor))
        .switchIfEmpty(Mono.error(ListingProblems.forbidden()))
        .flatMap(current -> {
          if (expectedVersion != null && expectedVersion != current.version()) {
            return Mono.error(ListingProblems.stale());
          }
          return DemandAction.LIFECYCLE.next(current.status(), action)
              .map(next -> Mono.just(new Demand(current.id(), current.organisationId(), current.organisationName(),
                  newContent == null ? current.content() : newContent, next, reason, current.createdBy(),
                  current.createdAt(), Instant.now(clock), current.publishedAt(), current.version() + 1)))
              .orElseGet(() -> Mono.error(ListingProblems.illegalTransition(current.status(), action)));
        })
        .flatMap(changed -> store.update(changed).thenReturn(changed))
        .flatMap(changed -> recorded(changed, action, actor, reason))
        .as(transaction::transactional);
  }

  private Mono<Demand> recorded(Demand demand, DemandAction action, Actor actor, String reason) {
    var snapshot = DemandView.of(demand);
    return revisions.record(AGGREGATE, demand.id(), demand.version(), action.name(), actor.subject(), reason, snapshot)
        .then(outbox.append(new OutboxMessage(AGGREGATE, demand.id(), demand.version(), action.eventType(), snapshot)))
        .thenReturn(demand);
  }
}
