package org.pingliang.techmarket.marketplace.credit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.credit.EngagementStore.StoredEngagement;
import org.pingliang.techmarket.marketplace.credit.EngagementStore.StoredParty;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.MemberRole;
import org.pingliang.techmarket.marketplace.organisation.Organisation;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finished engagements as their parties see them, and the ratings the parties give each other: each
 * side rates every other side once, 1–5 stars with an optional comment. A party is the person named
 * on it, or an OWNER/EDITOR of its organisation (a MEMBER only reads); anyone else gets 404.
 */
@Service
class Ratings {

  static final int MAX_COMMENT = 1000;

  private final EngagementStore store;
  private final Organisations organisations;
  private final TransactionalOperator transaction;
  private final Clock clock;

  Ratings(EngagementStore store, Organisations organisations, TransactionalOperator transaction, Clock clock) {
    this.store = store;
    this.organisations = organisations;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** How the caller stands to each party: absent = not them; false = reads only; true = acts (rates) for it. */
  private Mono<Map<Integer, Boolean>> standing(StoredEngagement engagement, Actor actor) {
    return Flux.fromIterable(engagement.parties())
        .concatMap(party -> {
          if (party.personSubject() != null && party.personSubject().equals(actor.subject())) {
            return Mono.just(Map.entry(party.position(), true));
          }
          if (party.organisationId() == null) {
            return Mono.empty();
          }
          return organisations.roleOf(party.organisationId(), actor.subject())
              .map(role -> Map.entry(party.position(), role == MemberRole.OWNER || role == MemberRole.EDITOR));
        })
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  Mono<EngagementView> view(Actor actor, UUID id) {
    return store.find(id)
        .flatMap(engagement -> standing(engagement, actor)
            .filter(standing -> !standing.isEmpty())
            .map(standing -> EngagementView.of(engagement, standing)))
        .switchIfEmpty(Mono.error(CreditProblems::notFound));
  }

  Flux<EngagementView> mine(Actor actor, int size) {
    return organisations.of(actor.subject()).map(Organisation::id).collectList()
        .flatMapMany(mine -> store.involving(mine, actor.subject(), size))
        .concatMap(id -> view(actor, id).onErrorResume(e -> Mono.empty()));
  }

  /** Rates one other side of the engagement; answers the engagement as it is afterwards. */
  Mono<EngagementView> rate(Actor actor, UUID id, Integer ratedPosition, Integer stars, String comment) {
    if (ratedPosition == null) {
      return Mono.error(CreditProblems.invalid("ratedPosition", "required"));
    }
    if (stars == null) {
      return Mono.error(CreditProblems.invalid("stars", "required"));
    }
    if (stars < 1 || stars > 5) {
      return Mono.error(CreditProblems.invalid("stars", "stars-range"));
    }
    var text = comment == null || comment.isBlank() ? null : comment.strip();
    if (text != null && text.codePointCount(0, text.length()) > MAX_COMMENT) {
      return Mono.error(CreditProblems.invalid("comment", "size"));
    }
    return store.find(id)
        .flatMap(engagement -> standing(engagement, actor).filter(standing -> !standing.isEmpty())
            .flatMap(standing -> {
              var rated = engagement.party(ratedPosition);
              if (rated == null) {
                return Mono.error(CreditProblems.invalid("ratedPosition", "not-a-party"));
              }
              if (standing.containsKey(ratedPosition)) {
                return Mono.error(CreditProblems.invalid("ratedPosition", "own-side"));
              }
              var acting = standing.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                  .filter(p -> !sameSide(engagement.party(p), rated)).sorted().toList();
              if (acting.isEmpty()) {
                return Mono.error(CreditProblems.forbidden());
              }
              var unrated = acting.stream().filter(p -> engagement.ratings().stream()
                  .noneMatch(r -> r.raterPosition() == p && r.ratedPosition() == ratedPosition)).findFirst();
              if (unrated.isEmpty()) {
                return Mono.error(CreditProblems.alreadyRated());
              }
              return store.rate(id, unrated.get(), rated, actor.subject(), stars, text, Instant.now(clock))
                  .flatMap(stored -> stored ? Mono.just(true) : Mono.error(CreditProblems.alreadyRated()));
            })
            .as(transaction::transactional))
        .switchIfEmpty(Mono.error(CreditProblems::notFound))
        .then(Mono.defer(() -> view(actor, id)));
  }

  private static boolean sameSide(StoredParty a, StoredParty b) {
    return a.organisationId() != null && a.organisationId().equals(b.organisationId())
        || a.personSubject() != null && a.personSubject().equals(b.personSubject());
  }

  /** An engagement as one of its parties sees it. */
  record EngagementView(UUID id, String kind, UUID referenceId, Instant completedAt, List<PartyView> parties,
      List<RatingView> ratings, List<Integer> youMayRate) {

    static EngagementView of(StoredEngagement e, Map<Integer, Boolean> standing) {
      var parties = e.parties().stream().map(p -> new PartyView(p.position(), p.role(), p.organisationId(),
          p.organisationName(), p.personSubject(), standing.containsKey(p.position()))).toList();
      var ratings = e.ratings().stream().map(r -> new RatingView(r.raterPosition(), r.ratedPosition(), r.stars(),
          r.comment(), r.createdAt())).toList();
      var acting = standing.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
      var mayRate = e.parties().stream()
          .filter(target -> !standing.containsKey(target.position()))
          .filter(target -> acting.stream().anyMatch(p -> !sameSide(e.party(p), target) && e.ratings().stream()
              .noneMatch(r -> r.raterPosition() == p && r.ratedPosition() == target.position())))
          .map(StoredParty::position).toList();
      return new EngagementView(e.id(), e.kind(), e.referenceId(), e.completedAt(), parties, ratings, mayRate);
    }
  }

  record PartyView(int position, String role, UUID organisationId, String organisationName, String personSubject,
      boolean you) {}

  record RatingView(int raterPosition, int ratedPosition, int stars, String comment, Instant createdAt) {}
}
