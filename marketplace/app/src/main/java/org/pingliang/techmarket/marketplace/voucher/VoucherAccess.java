package org.pingliang.techmarket.marketplace.voucher;

import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.MemberRole;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Membership questions of the voucher feature: who acts for an organisation (OWNER, EDITOR), who sees it. */
@Component
class VoucherAccess {

  private final Organisations organisations;

  VoucherAccess(Organisations organisations) {
    this.organisations = organisations;
  }

  /** OWNER or EDITOR of the organisation: may buy, pay, publish and claim for it. */
  Mono<Boolean> actsFor(UUID organisationId, Actor actor) {
    if (actor.isAnonymous()) {
      return Mono.just(false);
    }
    return organisations.roleOf(organisationId, actor.subject())
        .map(role -> role == MemberRole.OWNER || role == MemberRole.EDITOR).defaultIfEmpty(false);
  }

  /** Any member of one of the organisations. */
  Mono<Boolean> memberOfAny(Actor actor, UUID... organisationIds) {
    if (actor.isAnonymous()) {
      return Mono.just(false);
    }
    return Flux.fromArray(organisationIds).concatMap(id -> organisations.roleOf(id, actor.subject())).hasElements();
  }

  /** Members of the organisation and ADMIN see; everybody else gets 404. */
  Mono<Void> requireSees(Actor actor, UUID... organisationIds) {
    return actor.isAdmin() ? Mono.empty() : memberOfAny(actor, organisationIds)
        .flatMap(member -> member ? Mono.<Void>empty() : Mono.error(VoucherProblems.notFound()));
  }

  /**
   * Acts for {@code organisationId}: OWNER/EDITOR pass; a member of a party (incl. MEMBERs of this
   * one) or ADMIN gets 403 with {@code refusal}; a stranger 404.
   */
  Mono<Void> requireActsFor(Actor actor, UUID organisationId, String refusal, UUID... parties) {
    return actsFor(organisationId, actor).flatMap(acts -> {
      if (acts) {
        return Mono.<Void>empty();
      }
      var all = new UUID[parties.length + 1];
      all[0] = organisationId;
      System.arraycopy(parties, 0, all, 1, parties.length);
      return memberOfAny(actor, all).flatMap(member -> Mono.error(member || actor.isAdmin()
          ? VoucherProblems.forbidden(refusal) : VoucherProblems.notFound()));
    });
  }
}
