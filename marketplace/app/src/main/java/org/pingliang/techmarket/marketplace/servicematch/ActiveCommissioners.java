package org.pingliang.techmarket.marketplace.servicematch;

import java.util.Set;
import java.util.stream.Collectors;
import org.pingliang.techmarket.marketplace.commissioner.CommissionerRoster;
import org.pingliang.techmarket.marketplace.credit.TradingBans;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.identity.Role;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.ProblemType;
import org.pingliang.techmarket.search.query.CommissionerEligibility;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who counts as an active commissioner now: selected on the roster of the commissioner feature
 * ({@link CommissionerRoster}: not applied-only, exited or removed) and not on the integrity blacklist
 * ({@link TradingBans}). Without a roster in the application (the commissioner feature missing) nobody
 * does: offers cannot be published and none appear, rather than trusting the token's role alone.
 */
@Component
class ActiveCommissioners implements CommissionerEligibility {

  private final ObjectProvider<CommissionerRoster> roster;
  private final TradingBans bans;

  ActiveCommissioners(ObjectProvider<CommissionerRoster> roster, TradingBans bans) {
    this.roster = roster;
    this.bans = bans;
  }

  /** Whether the person may offer services and appear in matches now. */
  Mono<Boolean> isActive(String subject) {
    var current = roster.getIfAvailable();
    if (subject == null || current == null) {
      return Mono.just(false);
    }
    return current.standing(subject)
        .map(CommissionerRoster.Standing::active)
        .defaultIfEmpty(false)
        .flatMap(active -> active ? bans.isPersonBanned(subject).map(banned -> !banned) : Mono.just(false));
  }

  /** Whether the caller holds the COMMISSIONER role and is active. */
  Mono<Boolean> isActive(Actor actor) {
    return actor.has(Role.COMMISSIONER) ? isActive(actor.subject()) : Mono.just(false);
  }

  /**
   * Completes when the caller may act as a commissioner: banned → 403 {@code credit.trading-banned};
   * not selected now → 403 {@code servicematch.not-active-commissioner}.
   */
  Mono<Void> requireActive(Actor actor) {
    return bans.requirePersonAllowed(actor.subject()).then(isActive(actor)).flatMap(active -> active
        ? Mono.<Void>empty()
        : Mono.error(new ApiProblem(ProblemType.FORBIDDEN, "servicematch.not-active-commissioner")));
  }

  /** The name an offer shows: the roster card's, else the login name. */
  Mono<String> displayName(Actor actor) {
    var current = roster.getIfAvailable();
    var fallback = actor.username() == null ? actor.subject() : actor.username();
    if (current == null) {
      return Mono.just(fallback);
    }
    return current.card(actor.subject())
        .map(card -> card.map(CommissionerRoster.Card::name).filter(name -> !name.isBlank()).orElse(fallback))
        .defaultIfEmpty(fallback);
  }

  @Override
  public Mono<Set<String>> eligibleAmong(Set<String> subjects) {
    return Flux.fromIterable(subjects)
        .flatMap(subject -> isActive(subject).filter(Boolean::booleanValue).map(active -> subject), 8)
        .collect(Collectors.toSet());
  }
}
