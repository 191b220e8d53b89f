package org.pingliang.techmarket.marketplace.organisation;

import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.internal.ChangeType;
import org.pingliang.techmarket.marketplace.organisation.internal.Member;
import org.pingliang.techmarket.marketplace.organisation.internal.OrganisationForm;
import org.pingliang.techmarket.marketplace.organisation.internal.RegistrationRules;
import org.pingliang.techmarket.marketplace.organisation.internal.TimeOrderedIds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Registers an organisation: stored PENDING, its registrant its first OWNER, the registration in the history. */
@Service
class RegisteringOrganisation {

  private final PostgresOrganisations organisations;
  private final PostgresMembers members;
  private final PostgresOrganisationChanges changes;
  private final OrganisationProblems problems;
  private final TransactionalOperator transactions;

  RegisteringOrganisation(PostgresOrganisations organisations, PostgresMembers members,
      PostgresOrganisationChanges changes, OrganisationProblems problems, TransactionalOperator transactions) {
    this.organisations = organisations;
    this.members = members;
    this.changes = changes;
    this.problems = problems;
    this.transactions = transactions;
  }

  Mono<StoredOrganisation> register(Actor actor, OrganisationForm form) {
    return problems.orError(RegistrationRules.register(TimeOrderedIds.next(), actor, form))
        .flatMap(organisation -> store(organisation, actor.subject()).as(transactions::transactional));
  }

  private Mono<StoredOrganisation> store(Organisation organisation, String registrant) {
    var id = organisation.id();
    return organisations.insertIfAbsent(organisation, registrant)
        .filter(Boolean::booleanValue)
        .switchIfEmpty(Mono.error(problems::creditCodeTaken))
        .then(members.addIfAbsent(id, new Member(registrant, MemberRole.OWNER, registrant, null)))
        .then(changes.record(id, organisation.version(), ChangeType.REGISTERED, registrant,
            RegistrationRules.asChanges(organisation), null))
        .then(organisations.find(id));
  }
}
