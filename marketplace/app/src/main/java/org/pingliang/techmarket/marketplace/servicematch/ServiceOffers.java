package org.pingliang.techmarket.marketplace.servicematch;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.ListingProblems;
import org.pingliang.techmarket.marketplace.listing.shared.Page;
import org.pingliang.techmarket.marketplace.listing.shared.Pages;
import org.pingliang.techmarket.marketplace.outbox.Outbox;
import org.pingliang.techmarket.marketplace.outbox.OutboxMessage;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.ProblemType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Commissioners' service offers: published (ACTIVE) at once by an active commissioner, edited and
 * withdrawn by that commissioner (ADMIN may withdraw as moderation). Row, revision and event
 * ({@code ServiceOfferPublished/Updated/Withdrawn}, payload {@link ServiceOfferView}) in one transaction.
 */
@Service
class ServiceOffers {

  static final String AGGREGATE = "ServiceOffer";

  private final ServiceStore store;
  private final ActiveCommissioners commissioners;
  private final Outbox outbox;
  private final TransactionalOperator transaction;
  private final Clock clock;

  ServiceOffers(ServiceStore store, ActiveCommissioners commissioners, Outbox outbox, TransactionalOperator transaction,
      Clock clock) {
    this.store = store;
    this.commissioners = commissioners;
    this.outbox = outbox;
    this.transaction = transaction;
    this.clock = clock;
  }

  Mono<ServiceOffer> publish(Actor actor, ServiceOffer.Content content) {
    return commissioners.requireActive(actor)
        .then(commissioners.displayName(actor))
        .flatMap(name -> {
          var now = Instant.now(clock);
          var offer = new ServiceOffer(Ids.newId(), actor.subject(), name, content, ServiceOffer.Status.ACTIVE, null,
              now, now, now, 1);
          return store.insert(offer)
              .then(recorded(offer, "PUBLISH", "ServiceOfferPublished", actor, null))
              .as(transaction::transactional);
        });
  }

  Mono<ServiceOffer> edit(Actor actor, UUID id, long expectedVersion, ServiceOffer.Content content) {
    return commissioners.requireActive(actor).then(change(actor, id, expectedVersion, false, current ->
        new ServiceOffer(current.id(), current.commissionerSubject(), current.commissionerName(), content,
            current.status(), current.statusReason(), current.publishedAt(), current.createdAt(), Instant.now(clock),
            current.version() + 1), "EDIT", "ServiceOfferUpdated", null));
  }

  Mono<ServiceOffer> withdraw(Actor actor, UUID id, Long expectedVersion, String reason) {
    return change(actor, id, expectedVersion, true, current ->
        new ServiceOffer(current.id(), current.commissionerSubject(), current.commissionerName(), current.content(),
            ServiceOffer.Status.WITHDRAWN, reason, current.publishedAt(), current.createdAt(), Instant.now(clock),
            current.version() + 1), "WITHDRAW", "ServiceOfferWithdrawn", reason);
  }

  /**
   * The offer if the caller may see it: its commissioner and ADMIN always; anyone else while it is
   * active and its commissioner active (selected, not banned). Otherwise 404, as if it did not exist.
   */
  Mono<ServiceOffer> view(Actor actor, UUID id) {
    return store.offer(id, false)
        .filterWhen(offer -> mayAlwaysSee(actor, offer) ? Mono.just(true) : isPublic(offer))
        .switchIfEmpty(Mono.error(ListingProblems.notFound()));
  }

  /** Public offers, newest first; offers of commissioners who are not active are left out of the page. */
  Mono<Page<ServiceOffer>> active(String cursor, int size) {
    return Pages.of(store.activeOffers(Pages.decode(cursor), size + 1), size,
            last -> new Cursor(last.publishedAt(), last.id()))
        .flatMap(page -> Flux.fromIterable(page.items()).filterWhen(offer -> commissioners.isActive(offer.commissionerSubject()))
            .collectList().map(items -> new Page<>(items, page.nextCursor())));
  }

  /** The caller's own offers in any status. */
  Mono<Page<ServiceOffer>> mine(Actor actor, String cursor, int size) {
    if (actor.isAnonymous()) {
      return Mono.error(new ApiProblem(ProblemType.UNAUTHORIZED, "problem.unauthorized.detail"));
    }
    return Pages.of(store.offersOf(actor.subject(), Pages.decode(cursor), size + 1), size,
        last -> new Cursor(last.updatedAt(), last.id()));
  }

  Flux<ServiceStore.Revision> history(Actor actor, UUID id) {
    return store.offer(id, false)
        .filter(offer -> mayAlwaysSee(actor, offer))
        .switchIfEmpty(Mono.error(ListingProblems.notFound()))
        .flatMapMany(offer -> store.revisions(AGGREGATE, id));
  }

  private Mono<Boolean> isPublic(ServiceOffer offer) {
    return offer.status() == ServiceOffer.Status.ACTIVE ? commissioners.isActive(offer.commissionerSubject())
        : Mono.just(false);
  }

  private static boolean mayAlwaysSee(Actor actor, ServiceOffer offer) {
    return actor.isAdmin() || offer.isOwnedBy(actor.subject());
  }

  private Mono<ServiceOffer> change(Actor actor, UUID id, Long expectedVersion, boolean adminMay,
      java.util.function.UnaryOperator<ServiceOffer> next, String action, String eventType, String reason) {
    return store.offer(id, true)
        .filterWhen(current -> mayAlwaysSee(actor, current) ? Mono.just(true) : isPublic(current))
        .switchIfEmpty(Mono.error(ListingProblems.notFound()))
        .flatMap(current -> {
          if (!current.isOwnedBy(actor.subject()) && !(adminMay && actor.isAdmin())) {
            return Mono.error(ListingProblems.forbidden());
          }
          if (expectedVersion != null && expectedVersion != current.version()) {
            return Mono.error(ListingProblems.stale());
          }
          if (current.status() != ServiceOffer.Status.ACTIVE) {
            return Mono.error(new ApiProblem(ProblemType.CONFLICT, "listing.illegal-transition", action,
                current.status().name()));
          }
          var changed = next.apply(current);
          return store.update(changed).then(recorded(changed, action, eventType, actor, reason));
        })
        .as(transaction::transactional);
  }

  private Mono<ServiceOffer> recorded(ServiceOffer offer, String action, String eventType, Actor actor, String reason) {
    var view = ServiceOfferView.of(offer);
    return store.revision(AGGREGATE, offer.id(), offer.version(), action, actor.subject(), reason, view)
        .then(outbox.append(new OutboxMessage(AGGREGATE, offer.id(), offer.version(), eventType, view)))
        .thenReturn(offer);
  }
}
