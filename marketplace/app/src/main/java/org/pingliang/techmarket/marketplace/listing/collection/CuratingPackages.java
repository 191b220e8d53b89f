package org.pingliang.techmarket.marketplace.listing.collection;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.ListingProblems;
import org.pingliang.techmarket.marketplace.listing.shared.Page;
import org.pingliang.techmarket.marketplace.listing.shared.Pages;
import org.pingliang.techmarket.marketplace.listing.shared.Revisions;
import org.pingliang.techmarket.marketplace.outbox.Outbox;
import org.pingliang.techmarket.marketplace.outbox.OutboxMessage;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.FieldError;
import org.pingliang.techmarket.marketplace.problem.ProblemType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Curating achievement packages. A package belongs to its curator (a broker or an administrator);
 * administrators may change any. Only published achievements can be put in a package.
 */
@Service
public class CuratingPackages {

  static final String AGGREGATE = "AchievementPackage";

  private final PackageStore store;
  private final Revisions revisions;
  private final Outbox outbox;
  private final TransactionalOperator transaction;
  private final Clock clock;

  CuratingPackages(PackageStore store, Revisions revisions, Outbox outbox, TransactionalOperator transaction, Clock clock) {
    this.store = store;
    this.revisions = revisions;
    this.outbox = outbox;
    this.transaction = transaction;
    this.clock = clock;
  }

  public Mono<AchievementPackage> create(Actor actor, AchievementPackage.Content content) {
    var now = Instant.now(clock);
    var draft = new AchievementPackage(Ids.newId(), content, List.of(), PackageStatus.DRAFT, null, actor.subject(), now,
        now, null, 1);
    return requirePublished(content.achievementIds())
        .then(store.insert(draft))
        .then(store.find(draft.id()))
        .flatMap(created -> recorded(created, PackageAction.CREATE, actor, null))
        .as(transaction::transactional);
  }

  public Mono<AchievementPackage> edit(Actor actor, UUID id, long expectedVersion, AchievementPackage.Content content) {
    return requirePublished(content.achievementIds())
        .then(change(actor, id, expectedVersion, PackageAction.EDIT, null, content));
  }

  public Mono<AchievementPackage> act(Actor actor, UUID id, PackageAction action, Long expectedVersion, String reason) {
    return change(actor, id, expectedVersion, action, reason, null);
  }

  public Mono<AchievementPackage> view(Actor actor, UUID id) {
    return store.find(id)
        .filter(found -> found.isPublic() || isCurator(actor, found))
        .switchIfEmpty(Mono.error(ListingProblems.notFound()));
  }

  public Mono<Page<AchievementPackage>> published(String cursor, int size) {
    return Pages.of(store.published(Pages.decode(cursor), size + 1), size,
        last -> new Cursor(last.publishedAt(), last.id()));
  }

  public Flux<Revisions.Revision> history(Actor actor, UUID id) {
    return store.find(id)
        .filter(found -> isCurator(actor, found))
        .switchIfEmpty(Mono.error(ListingProblems.notFound()))
        .flatMapMany(found -> revisions.of(AGGREGATE, id));
  }

  private Mono<AchievementPackage> change(Actor actor, UUID id, Long expectedVersion, PackageAction action, String reason,
      AchievementPackage.Content newContent) {
    return store.lock(id)
        .filter(current -> current.isPublic() || isCurator(actor, current))
        .switchIfEmpty(Mono.error(ListingProblems.notFound()))
        .filter(current -> isCurator(actor, current))
        .switchIfEmpty(Mono.error(ListingProblems.forbidden()))
        .flatMap(current -> {
          if (expectedVersion != null && expectedVersion != current.version()) {
            return Mono.error(ListingProblems.stale());
          }
          return PackageAction.LIFECYCLE.next(current.status(), action)
              .map(next -> Mono.just(new AchievementPackage(current.id(),
                  newContent == null ? current.content() : newContent, current.items(), next, reason, current.curator(),
                  current.createdAt(), Instant.now(clock),
                  next == PackageStatus.PUBLISHED && current.publishedAt() == null ? Instant.now(clock) : current.publishedAt(),
                  current.version() + 1)))
              .orElseGet(() -> Mono.error(ListingProblems.illegalTransition(current.status(), action)));
        })
        .flatMap(changed -> store.update(changed).then(store.find(changed.id())))
        .flatMap(changed -> recorded(changed, action, actor, reason))
        .as(transaction::transactional);
  }

  private static boolean isCurator(Actor actor, AchievementPackage pkg) {
    return actor.isAdmin() || (!actor.isAnonymous() && actor.subject().equals(pkg.curator()));
  }

  /** Each id must name a published achievement; the first that does not is reported by position. */
  private Mono<Void> requirePublished(List<UUID> ids) {
    return store.publishedAmong(ids).collectList().flatMap(published -> {
      var found = new HashSet<>(published);
      for (var i = 0; i < ids.size(); i++) {
        if (!found.contains(ids.get(i))) {
          return Mono.error(new ApiProblem(ProblemType.VALIDATION_FAILED,
              List.of(new FieldError("achievementIds[" + i + "]", "not-published", "problem.field.not-published")),
              "problem.validation-failed.detail"));
        }
      }
      return Mono.empty();
    });
  }

  private Mono<AchievementPackage> recorded(AchievementPackage pkg, PackageAction action, Actor actor, String reason) {
    var snapshot = PackageView.of(pkg);
    return revisions.record(AGGREGATE, pkg.id(), pkg.version(), action.name(), actor.subject(), reason, snapshot)
        .then(outbox.append(new OutboxMessage(AGGREGATE, pkg.id(), pkg.version(), action.eventType(), snapshot)))
        .thenReturn(pkg);
  }
}
