package org.pingliang.techmarket.marketplace.credit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.credit.BanStore.Ban;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The bureau's side of the integrity blacklist (失信名单): ban an organisation or a person for
 * misconduct with a reason, lift a ban with a reason, list bans. Who is barred is read by every
 * trading feature through {@link TradingBans}.
 */
@Service
class Blacklist {

  private final TradingBans bans;
  private final BanStore store;
  private final Organisations organisations;
  private final TransactionalOperator transaction;
  private final Clock clock;

  Blacklist(TradingBans bans, BanStore store, Organisations organisations, TransactionalOperator transaction,
      Clock clock) {
    this.bans = bans;
    this.store = store;
    this.organisations = organisations;
    this.transaction = transaction;
    this.clock = clock;
  }

  Mono<Ban> ban(Actor actor, UUID organisationId, String personSubject, String personName, String reason) {
    if ((organisationId == null) == (personSubject == null || personSubject.isBlank())) {
      return Mono.error(CreditProblems.invalid(organisationId == null ? "organisationId" : "personSubject",
          "one-of-organisation-or-person"));
    }
    var why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      return Mono.error(CreditProblems.invalid("reason", "required"));
    }
    if (why.length() > 2000) {
      return Mono.error(CreditProblems.invalid("reason", "size"));
    }
    var person = personSubject == null ? null : personSubject.strip();
    var name = personName == null || personName.isBlank() ? null : personName.strip();
    if (person != null && person.length() > 255) {
      return Mono.error(CreditProblems.invalid("personSubject", "size"));
    }
    if (name != null && name.length() > 200) {
      return Mono.error(CreditProblems.invalid("personName", "size"));
    }
    Mono<Void> exists = organisationId == null ? Mono.empty() : organisations.find(organisationId)
        .switchIfEmpty(Mono.error(() -> CreditProblems.invalid("organisationId", "unknown-organisation"))).then();
    return exists
        .then(store.inForce(organisationId, person).flatMap(existing -> Mono.<Ban>error(CreditProblems.alreadyBanned())))
        .then(Mono.defer(() -> bans.ban(organisationId, person, why, actor.subject())))
        .flatMap(id -> (person != null ? store.name(id, name) : Mono.<Void>empty()).then(store.find(id)))
        .as(transaction::transactional);
  }

  Mono<Ban> lift(Actor actor, UUID id, String reason) {
    var why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      return Mono.error(CreditProblems.invalid("reason", "required"));
    }
    if (why.length() > 2000) {
      return Mono.error(CreditProblems.invalid("reason", "size"));
    }
    return store.lock(id)
        .switchIfEmpty(Mono.error(CreditProblems::notFound))
        .flatMap(ban -> ban.inForce() ? store.lift(id, actor.subject(), why, Instant.now(clock)).then(store.find(id))
            : Mono.error(CreditProblems.banLifted()))
        .as(transaction::transactional);
  }

  record BanPage(List<Ban> items, int page, int size, long total) {}

  Mono<BanPage> list(boolean inForceOnly, int page, int size) {
    return Mono.zip(store.list(inForceOnly, page * size, size).collectList(), store.count(inForceOnly))
        .map(found -> new BanPage(found.getT1(), page, size, found.getT2()));
  }
}
