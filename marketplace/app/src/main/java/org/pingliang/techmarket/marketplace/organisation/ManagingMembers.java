package org.pingliang.techmarket.marketplace.organisation;

import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.internal.Access;
import org.pingliang.techmarket.marketplace.organisation.internal.ChangeType;
import org.pingliang.techmarket.marketplace.organisation.internal.FieldChange;
import org.pingliang.techmarket.marketplace.organisation.internal.Member;
import org.pingliang.techmarket.marketplace.organisation.internal.MemberForm;
import org.pingliang.techmarket.marketplace.organisation.internal.MembershipRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lists, adds and removes members. Changes lock the organisation's row first: two owners removing
 * each other at the same moment then run one after the other, and the second finds the last owner.
 */
@Service
class ManagingMembers {

  private final PostgresOrganisations organisations;
  private final PostgresMembers members;
  private final PostgresOrganisationChanges changes;
  private final OrganisationProblems problems;
  private final TransactionalOperator transactions;

  ManagingMembers(PostgresOrganisations organisations, PostgresMembers members, PostgresOrganisationChanges changes,
      OrganisationProblems problems, TransactionalOperator transactions) {
    this.organisations = organisations;
    this.members = members;
    this.changes = changes;
    this.problems = problems;
    this.transactions = transactions;
  }

  Flux<Member> list(UUID id, Actor actor) {
    return permitted(organisations.find(id), id, actor).thenMany(members.of(id));
  }

  Mono<Member> add(UUID id, Actor actor, MemberForm form) {
    return permitted(organisations.lock(id), id, actor)
        .flatMap(organisation -> members.lookUpRole(id, form.subject())
            .flatMap(current -> problems.orError(MembershipRules.add(form, current.orElse(null), actor.subject())))
            .flatMap(member -> members.addIfAbsent(id, member)
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(problems::alreadyMember))
                .then(record(organisation, actor, ChangeType.MEMBER_ADDED, member.subject(),
                    new FieldChange(null, member.role().name())))
                .then(members.find(id, member.subject()))))
        .as(transactions::transactional);
  }

  Mono<Void> remove(UUID id, Actor actor, String subject) {
    return permitted(organisations.lock(id), id, actor)
        .flatMap(organisation -> members.lookUpRole(id, subject)
            .zipWith(members.owners(id))
            .flatMap(found -> problems.orError(MembershipRules.remove(found.getT1().orElse(null), found.getT2())))
            .flatMap(role -> members.remove(id, subject)
                .then(record(organisation, actor, ChangeType.MEMBER_REMOVED, subject,
                    new FieldChange(role.name(), null)))))
        .as(transactions::transactional);
  }

  /** The organisation, if the actor may manage its members; else "not found" or "forbidden". */
  private Mono<Organisation> permitted(Mono<StoredOrganisation> organisation, UUID id, Actor actor) {
    return organisation
        .switchIfEmpty(Mono.error(problems::notFound))
        .flatMap(stored -> members.lookUpRole(id, actor.subject())
            .flatMap(role -> problems.orError(Access.toManageMembers(stored.organisation(), role.orElse(null), actor))));
  }

  private Mono<Void> record(Organisation organisation, Actor actor, ChangeType type, String subject, FieldChange role) {
    return changes.record(organisation.id(), organisation.version(), type, actor.subject(),
        Map.of("members." + subject, role), null);
  }
}
