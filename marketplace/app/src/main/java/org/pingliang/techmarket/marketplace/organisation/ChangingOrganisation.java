package org.pingliang.techmarket.marketplace.organisation;

import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.internal.Access;
import org.pingliang.techmarket.marketplace.organisation.internal.ChangeForm;
import org.pingliang.techmarket.marketplace.organisation.internal.ChangeRules;
import org.pingliang.techmarket.marketplace.organisation.internal.VerificationForm;
import org.pingliang.techmarket.marketplace.organisation.internal.VerificationRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Changes an organisation: its details (owner or administrator) or its verification (administrator).
 * The row stays locked from reading to writing, so two changes of one organisation never interleave.
 */
@Service
class ChangingOrganisation {

  private final PostgresOrganisations organisations;
  private final PostgresMembers members;
  private final AppliedChanges applied;
  private final OrganisationProblems problems;
  private final TransactionalOperator transactions;

  ChangingOrganisation(PostgresOrganisations organisations, PostgresMembers members, AppliedChanges applied,
      OrganisationProblems problems, TransactionalOperator transactions) {
    this.organisations = organisations;
    this.members = members;
    this.applied = applied;
    this.problems = problems;
    this.transactions = transactions;
  }

  Mono<StoredOrganisation> change(UUID id, Actor actor, long basedOnVersion, ChangeForm form) {
    return organisations.lock(id)
        .switchIfEmpty(Mono.error(problems::notFound))
        .flatMap(stored -> members.lookUpRole(id, actor.subject())
            .flatMap(role -> problems.orError(Access.toChange(stored.organisation(), role.orElse(null), actor)
                .then(organisation -> ChangeRules.change(organisation, actor, basedOnVersion, form))))
            .flatMap(change -> applied.apply(stored, change, actor.subject())))
        .as(transactions::transactional);
  }

  Mono<StoredOrganisation> decide(UUID id, Actor actor, VerificationForm form) {
    return organisations.lock(id)
        .switchIfEmpty(Mono.error(problems::notFound))
        .flatMap(stored -> problems.orError(VerificationRules.decide(stored.organisation(), actor, form))
            .flatMap(change -> applied.apply(stored, change, actor.subject())))
        .as(transactions::transactional);
  }
}
