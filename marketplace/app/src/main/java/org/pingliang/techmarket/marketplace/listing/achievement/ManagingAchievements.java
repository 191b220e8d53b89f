package org.pingliang.techmarket.marketplace.listing.achievement;

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
 * Registering and moving achievements through their lifecycle. Every change — the row, its history
 * entry and its event — is written in one transaction, so the three never disagree.
 */
@Service
public class ManagingAchievements {

  static final String AGGREGATE = "Achievement";

  private final AchievementStore store;
  private final ListingAccess access;
  private final Revisions revisions;
  private final Outbox outbox;
  private final TransactionalOperator transaction;
  private final Clock clock;

  ManagingAchievements(AchievementStore store, ListingAccess access, Revisions revisions, Outbox outbox,
      TransactionalOperator transaction, Clock clock) {
    this.store = store;
    this.access = access;
    this.revisions = revisions;
    this.outbox = outbox;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** A new draft held by an organisation the actor edits for. */
  public Mono<Achievement> create(Actor actor, UUID organisationId, Achievement.Content content, String externalId) {
    var now = Instant.now(clock);
    var draft = new Achievement(Ids.newId(), organisationId, null, content, AchievementStatus.DRAFT, null, externalId,
        actor.subject(), now, now, null, 1);
    return access.requireEditorOf(organisationId, actor)
        .then(store.insert(draft))
        .map(holderName -> new Achievement(draft.id(), organisationId, holderName, content, draft.status(), null,
            externalId, draft.createdBy(), draft.createdAt(), draft.updatedAt(), null, draft.version()))
        .flatMap(created -> recorded(created, AchievementAction.CREATE, actor, null))
        .as(transaction::transactional);
  }

  /** Replaces the content of a draft (or a rejected or withdrawn one, which becomes a draft again). */
  public Mono<Achievement> edit(Actor actor, UUID id, long expectedVersion, Achievement.Content content) {
    return change(actor, id, expectedVersion, AchievementAction.EDIT, null,
        current -> access.mayEdit(current.organisationId(), actor),
        (current, next) -> Mono.just(withChange(current, content, next, null, current.publishedAt())));
  }

  /** Submits, publishes, rejects, withdraws or archives, as the lifecycle and the actor allow. */
  public Mono<Achievement> act(Actor actor, UUID id, AchievementAction action, Long expectedVersion, String reason) {
    if (action == AchievementAction.REJECT && (reason == null || reason.isBlank())) {
      return Mono.error(ListingProblems.invalid("reason", "required"));
    }
    return change(actor, id, expectedVersion, action, reason,
        current -> mayAct(actor, current, action),
        (current, next) -> {
          var publishedAt = next == AchievementStatus.PUBLISHED ? Instant.now(clock) : current.publishedAt();
          var ready = action == AchievementAction.SUBMIT ? access.requireVerified(current.organisationId()) : Mono.<Void>empty();
          return ready.thenReturn(withChange(current, current.content(), next, reason, publishedAt));
        });
  }

  /** An achievement as the actor may see it; unpublished ones only for its holder and administrators. */
  public Mono<Achievement> view(Actor actor, UUID id) {
    return store.find(id)
        .filterWhen(found -> found.isPublic() ? Mono.just(true) : access.maySeeUnpublished(found.organisationId(), actor))
        .switchIfEmpty(Mono.error(ListingProblems.notFound()));
  }

  public Mono<Page<Achievement>> published(String cursor, int size) {
    return Pages.of(store.published(Pages.decode(cursor), size + 1), size, last -> new Cursor(last.publishedAt(), last.id()));
  }

  /** All achievements of an organisation, for its members and administrators. */
  public Mono<Page<Achievement>> ofOrganisation(Actor actor, UUID organisationId, AchievementStatus status, String cursor,
      int size) {
    return access.maySeeUnpublished(organisationId, actor)
        .filter(Boolean::booleanValue)
        .switchIfEmpty(Mono.error(ListingProblems.notFound()))
        .flatMap(allowed -> Pages.of(store.ofOrganisation(organisationId, status, Pages.decode(cursor), size + 1), size,
            last -> new Cursor(last.updatedAt(), last.id())));
  }

  public Flux<Achievement> reviewQueue(int size) {
    return store.awaitingReview(size);
  }

  public Flux<Revisions.Revision> history(Actor actor, UUID id) {
    return store.find(id)
        .filterWhen(found -> access.maySeeUnpublished(found.organisationId(), actor))
        .switchIfEmpty(Mono.error(ListingProblems.notFound()))
        .flatMapMany(found -> revisions.of(AGGREGATE, id));
  }

  /** What a bulk-import row did. */
  public enum Registration { CREATED, UPDATED, UNCHANGED }

  /**
   * Registers one row of a bulk import (成果汇交), idempotent by the organisation's external id: new
   * ids become drafts, changed content updates a draft, identical content changes nothing. A row
   * whose achievement is under review or on the market is refused (409): change it there first.
   */
  public Mono<Registration> register(Actor actor, UUID organisationId, String externalId, Achievement.Content content,
      boolean submit) {
    return store.findByExternalId(organisationId, externalId)
        .flatMap(existing -> {
          if (existing.content().equals(content)) {
            return Mono.just(Registration.UNCHANGED);
          }
          return edit(actor, existing.id(), existing.version(), content)
              .flatMap(edited -> submitted(actor, edited, submit))
              .thenReturn(Registration.UPDATED);
        })
        .switchIfEmpty(Mono.defer(() -> create(actor, organisationId, content, externalId)
            .flatMap(created -> submitted(actor, created, submit))
            .thenReturn(Registration.CREATED)));
  }

  private Mono<Achievement> submitted(Actor actor, Achievement achievement, boolean submit) {
    return submit ? act(actor, achievement.id(), AchievementAction.SUBMIT, achievement.version(), null) : Mono.just(achievement);
  }

  /** The achievement an organisation registered under its own id (成果汇交 import), if any. */
  public Mono<Achievement> byExternalId(UUID organisationId, String externalId) {
    return store.findByExternalId(organisationId, externalId);
  }

  private interface Permission {
    Mono<Boolean> check(Achievement current);
  }

  private interface Transition {
    Mono<Achievement> apply(Achievement current, AchievementStatus next);
  }

  private Mono<Achievement> change(Actor actor, UUID id, Long expectedVersion, AchievementAction action, String reason,
      Permission permission, Transition transition) {
    return store.lock(id)
        .filterWhen(current -> current.isPublic() ? Mono.just(true) : access.maySeeUnpublished(current.organisationId(), actor))
        .switchIfEmpty(Mono.error(ListingProblems.notFound()))
        .filterWhen(permission::check)
        .switchIfEmpty(Mono.error(ListingProblems.forbidden()))
        .flatMap(current -> {
          if (expectedVersion != null && expectedVersion != current.version()) {
            return Mono.error(ListingProblems.stale());
          }
          return AchievementAction.LIFECYCLE.next(current.status(), action)
              .map(next -> transition.apply(current, next))
              .orElseGet(() -> Mono.error(ListingProblems.illegalTransition(current.status(), action)));
        })
        .flatMap(changed -> store.update(changed).thenReturn(changed))
        .flatMap(changed -> recorded(changed, action, actor, reason))
        .as(transaction::transactional);
  }

  private Mono<Boolean> mayAct(Actor actor, Achievement current, AchievementAction action) {
    if (action.isReview()) {
      return Mono.just(actor.isAdmin());
    }
    // Administrators may take a published achievement off the market (moderation); the rest is the holder's.
    if (action == AchievementAction.WITHDRAW && actor.isAdmin() && current.isPublic()) {
      return Mono.just(true);
    }
    return access.mayEdit(current.organisationId(), actor);
  }

  private Achievement withChange(Achievement current, Achievement.Content content, AchievementStatus next, String reason,
      Instant publishedAt) {
    return new Achievement(current.id(), current.organisationId(), current.organisationName(), content, next, reason,
        current.externalId(), current.createdBy(), current.createdAt(), Instant.now(clock), publishedAt,
        current.version() + 1);
  }

  private Mono<Achievement> recorded(Achievement achievement, AchievementAction action, Actor actor, String reason) {
    var snapshot = AchievementView.of(achievement);
    return revisions.record(AGGREGATE, achievement.id(), achievement.version(), action.name(), actor.subject(), reason,
            snapshot)
        .then(outbox.append(new OutboxMessage(AGGREGATE, achievement.id(), achievement.version(), action.eventType(),
            snapshot)))
        .thenReturn(achievement);
  }
}
