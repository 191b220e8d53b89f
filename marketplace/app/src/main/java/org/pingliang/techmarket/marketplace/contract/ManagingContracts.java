package org.pingliang.techmarket.marketplace.contract;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.credit.Engagements;
import org.pingliang.techmarket.marketplace.deal.PaymentHooks;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.organisation.MemberRole;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Moving a contract through drafting, signature, registration, performance and termination. Each
 * change locks the contract row, checks visibility (404), permission (403), version (409) and the
 * lifecycle (409), then writes the row, its audit entry and its event in one transaction — and, for
 * an accepted milestone or a termination, tells payments in that same transaction.
 */
@Service
public class ManagingContracts {

  private final ContractStore store;
  private final ContractRecords records;
  private final ContractAccess access;
  private final PaymentHooks payments;
  private final ContractStatisticsCache statisticsCache;
  private final Engagements engagements;
  private final TransactionalOperator transaction;
  private final Clock clock;

  ManagingContracts(ContractStore store, ContractRecords records, ContractAccess access, PaymentHooks payments,
      ContractStatisticsCache statisticsCache, Engagements engagements, TransactionalOperator transaction,
      Clock clock) {
    this.store = store;
    this.records = records;
    this.access = access;
    this.payments = payments;
    this.statisticsCache = statisticsCache;
    this.engagements = engagements;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** A new milestone as the parties write it in a draft. */
  record MilestoneDraft(String title, long amountFen, LocalDate dueDate) {}

  Mono<ContractRecords.Details> view(Actor actor, UUID id) {
    return visible(store.find(id), actor).flatMap(records::details);
  }

  Mono<Contract> visibleContract(Actor actor, UUID id) {
    return visible(store.find(id), actor);
  }

  Flux<ContractRecords.Details> mine(Actor actor, int size) {
    return store.visibleTo(actor.subject(), size).concatMap(records::details);
  }

  Flux<ContractRecords.Details> registrationDesk(ContractStatus status, int size) {
    return store.atRegistrationDesk(status, size).concatMap(records::details);
  }

  /** Replaces the registration fields (and, when given, the schedule) of a draft. */
  Mono<ContractRecords.Details> edit(Actor actor, UUID id, long expectedVersion, Terms terms,
      List<MilestoneDraft> schedule) {
    return change(actor, id, expectedVersion, ContractAction.EDIT, (current, roles) -> {
      requireEditor(roles);
      var violations = terms.violations(current.totalFen());
      if (!violations.isEmpty()) {
        return Mono.error(ContractProblems.invalid(violations));
      }
      var now = now();
      List<Milestone> milestones = current.milestones();
      if (schedule != null) {
        if (schedule.isEmpty() || schedule.stream().mapToLong(MilestoneDraft::amountFen).sum() != current.totalFen()) {
          return Mono.error(ContractProblems.invalid("milestones", "milestones-sum"));
        }
        var numbered = new java.util.ArrayList<Milestone>();
        for (var i = 0; i < schedule.size(); i++) {
          var draft = schedule.get(i);
          numbered.add(new Milestone(Ids.newId(), i + 1, draft.title(), draft.amountFen(), draft.dueDate(),
              MilestoneStatus.PENDING, null, null, null, null));
        }
        milestones = List.copyOf(numbered);
      }
      var edited = current.with(ContractStatus.DRAFT, null, terms, milestones, null, current.registration(), now);
      var write = schedule == null ? store.update(edited)
          : store.update(edited).then(store.replaceMilestones(id, edited.milestones(), now));
      return write.then(records.recorded(edited, ContractAction.EDIT.eventType(), actor.subject(),
          Map.of("technicalTransactionFen", edited.technicalTransactionFen()), now));
    });
  }

  /** Freezes a complete draft and asks both parties to sign. */
  Mono<ContractRecords.Details> requestSignatures(Actor actor, UUID id, Long expectedVersion) {
    return change(actor, id, expectedVersion, ContractAction.REQUEST_SIGNATURES, (current, roles) -> {
      requireEditor(roles);
      var missing = current.terms().missingForSignature();
      if (!missing.isEmpty()) {
        return Mono.error(ContractProblems.incomplete(missing));
      }
      return simple(current, actor, ContractAction.REQUEST_SIGNATURES, ContractStatus.AWAITING_SIGNATURES, null,
          Map.of());
    });
  }

  /** Takes a contract waiting for signatures back to the draft; signatures given so far are dropped. */
  Mono<ContractRecords.Details> revise(Actor actor, UUID id, Long expectedVersion) {
    return change(actor, id, expectedVersion, ContractAction.REVISE, (current, roles) -> {
      requireEditor(roles);
      return store.dropConsents(id, ContractRecords.SIGNATURE)
          .then(simple(current, actor, ContractAction.REVISE, ContractStatus.DRAFT, null, Map.of()));
    });
  }

  /**
   * Signs for {@code party} (or the one party the actor is OWNER of). Idempotent: a party that has
   * signed already changes nothing and gets the contract as it is.
   */
  Mono<ContractRecords.Details> sign(Actor actor, UUID id, PartyRole party) {
    return locked(actor, id).flatMap(locked -> {
      var party1 = signingParty(locked.roles(), party);
      var current = locked.contract();
      return store.consents(id, ContractRecords.SIGNATURE).collectList().flatMap(signatures -> {
        if (signatures.stream().anyMatch(s -> s.party() == party1)) {
          return records.details(current);
        }
        if (ContractAction.LIFECYCLE.next(current.status(), ContractAction.SIGN).isEmpty()) {
          return Mono.error(ContractProblems.illegalTransition(current.status(), ContractAction.SIGN));
        }
        var now = now();
        var complete = signatures.size() + 1 == PartyRole.values().length;
        var next = complete
            ? current.with(ContractStatus.SIGNED, null, current.terms(), current.milestones(),
                LocalDate.ofInstant(now, ContractClock.CHINA), current.registration(), now)
            : current.withStatus(current.status(), null, now);
        return store.consent(id, ContractRecords.SIGNATURE, party1, actor.subject(), null, now)
            .then(store.update(next))
            .then(records.recorded(next, complete ? "ContractSigned" : "ContractSignatureAdded", actor.subject(),
                Map.of("party", party1.name()), now));
      });
    }).as(transaction::transactional);
  }

  /** Hands a signed contract to the registration desk. */
  Mono<ContractRecords.Details> submit(Actor actor, UUID id, Long expectedVersion) {
    return change(actor, id, expectedVersion, ContractAction.SUBMIT, (current, roles) -> {
      requireEditor(roles);
      var now = now();
      var r = current.registration();
      var next = current.with(ContractStatus.SUBMITTED, null, current.terms(), current.milestones(),
          current.signingDate(), new Contract.Registration(now, r.number(), r.ruleSet(), r.registeredAt(),
              r.registeredBy()), now);
      return store.update(next).then(records.recorded(next, ContractAction.SUBMIT.eventType(), actor.subject(),
          Map.of(), now));
    });
  }

  /** The registrar registers: a new 16-digit number and the rule set of the submission day. */
  Mono<ContractRecords.Details> register(Actor actor, UUID id, Long expectedVersion) {
    return change(actor, id, expectedVersion, ContractAction.REGISTER, (current, roles) -> {
      requireRegistrar(actor);
      var now = now();
      var year = LocalDate.ofInstant(now, ContractClock.CHINA).getYear();
      var region = current.seller().regionCode();
      var ruleSet = RegistrationNumbers.ruleSetFor(
          LocalDate.ofInstant(current.registration().submittedAt(), ContractClock.CHINA));
      return store.nextRegistrationSequence(year, region).flatMap(sequence -> {
        var number = RegistrationNumbers.format(year, region, sequence);
        var next = current.with(ContractStatus.REGISTERED, null, current.terms(), current.milestones(),
            current.signingDate(), new Contract.Registration(current.registration().submittedAt(), number, ruleSet, now,
                actor.subject()), now);
        return store.update(next).then(records.recorded(next, ContractAction.REGISTER.eventType(), actor.subject(),
            Map.of("registrationNumber", number, "ruleSet", ruleSet), now));
      });
    }).flatMap(registered -> statisticsCache.invalidate().thenReturn(registered));
  }

  /** 未予登记: the registrar refuses with a reason. */
  Mono<ContractRecords.Details> reject(Actor actor, UUID id, Long expectedVersion, String reason) {
    if (reason == null || reason.isBlank()) {
      return Mono.error(ContractProblems.invalid("reason", "required"));
    }
    return change(actor, id, expectedVersion, ContractAction.REJECT, (current, roles) -> {
      requireRegistrar(actor);
      return simple(current, actor, ContractAction.REJECT, ContractStatus.REJECTED, reason.strip(),
          Map.of("reason", reason.strip()));
    });
  }

  /** The seller delivers a pending milestone; the first delivery starts performance. */
  Mono<ContractRecords.Details> deliver(Actor actor, UUID id, UUID milestoneId) {
    return change(actor, id, null, ContractAction.DELIVER_MILESTONE, (current, roles) -> {
      if (!ContractAccess.mayEdit(roles.get(PartyRole.SELLER))) {
        return Mono.error(ContractProblems.forbidden());
      }
      var milestone = milestone(current, milestoneId);
      if (milestone.status() != MilestoneStatus.PENDING) {
        return Mono.error(ContractProblems.milestoneNotReady(milestone.sequence(), milestone.status()));
      }
      var now = now();
      var delivered = milestone.delivered(now, actor.subject());
      var next = current.with(ContractStatus.IN_PERFORMANCE, null, current.terms(), replace(current, delivered),
          current.signingDate(), current.registration(), now);
      return store.updateMilestone(delivered, now).then(store.update(next))
          .then(records.recorded(next, ContractAction.DELIVER_MILESTONE.eventType(), actor.subject(),
              Map.of("milestoneId", milestoneId.toString(), "sequence", milestone.sequence()), now));
    });
  }

  /** The buyer accepts a delivered milestone: payments release its funds; the last one completes the contract. */
  Mono<ContractRecords.Details> accept(Actor actor, UUID id, UUID milestoneId) {
    return change(actor, id, null, ContractAction.ACCEPT_MILESTONE, (current, roles) -> {
      if (!ContractAccess.maySign(roles.get(PartyRole.BUYER))) {
        return Mono.error(ContractProblems.forbidden());
      }
      var milestone = milestone(current, milestoneId);
      if (milestone.status() != MilestoneStatus.DELIVERED) {
        return Mono.error(ContractProblems.milestoneNotReady(milestone.sequence(), milestone.status()));
      }
      var now = now();
      var accepted = milestone.accepted(now, actor.subject());
      var milestones = replace(current, accepted);
      var complete = milestones.stream().allMatch(m -> m.status() == MilestoneStatus.ACCEPTED
          || m.status() == MilestoneStatus.CANCELLED);
      var next = current.with(complete ? ContractStatus.COMPLETED : ContractStatus.IN_PERFORMANCE, null, current.terms(),
          milestones, current.signingDate(), current.registration(), now);
      return store.updateMilestone(accepted, now).then(store.update(next))
          .then(payments.milestoneAccepted(id, milestoneId))
          .then(complete ? engagements.completed(completedEngagement(next, now)) : Mono.empty())
          .then(records.recorded(next, complete ? "ContractCompleted" : ContractAction.ACCEPT_MILESTONE.eventType(),
              actor.subject(), Map.of("milestoneId", milestoneId.toString(), "sequence", milestone.sequence()), now));
    });
  }

  /** The finished contract as credit records it: seller, buyer and (when there is one) the broker may rate each other. */
  private static Engagements.Engagement completedEngagement(Contract contract, Instant now) {
    var parties = new java.util.ArrayList<Engagements.Party>();
    parties.add(new Engagements.Party("SELLER", contract.seller().organisationId(), null));
    parties.add(new Engagements.Party("BUYER", contract.buyer().organisationId(), null));
    var broker = contract.broker();
    if (broker != null && (broker.organisationId() != null || broker.subject() != null)) {
      parties.add(new Engagements.Party("BROKER", broker.organisationId(), broker.subject()));
    }
    return new Engagements.Engagement("CONTRACT", contract.id(), parties, now);
  }

  /**
   * Ends a contract. Before it is signed, an OWNER of either party ends it alone; once signed, the
   * parties end it by agreement (an OWNER of each consents; the second consent terminates), or an
   * ADMIN registrar terminates a contract that reached the registry. A submitted contract waits for
   * the registry's decision.
   */
  Mono<ContractRecords.Details> terminate(Actor actor, UUID id, Long expectedVersion, String reason) {
    if (reason == null || reason.isBlank()) {
      return Mono.error(ContractProblems.invalid("reason", "required"));
    }
    var why = reason.strip();
    return locked(actor, id).flatMap(locked -> {
      var current = locked.contract();
      if (expectedVersion != null && expectedVersion != current.version()) {
        return Mono.error(ContractProblems.stale());
      }
      var owned = locked.roles().entrySet().stream().filter(e -> ContractAccess.maySign(e.getValue()))
          .map(Map.Entry::getKey).toList();
      if (owned.isEmpty() && !actor.isAdmin()) {
        return Mono.error(ContractProblems.forbidden());
      }
      if (ContractAction.LIFECYCLE.next(current.status(), ContractAction.TERMINATE).isEmpty()) {
        return Mono.error(ContractProblems.illegalTransition(current.status(), ContractAction.TERMINATE));
      }
      var inForce = ContractAction.LIFECYCLE.next(current.status(), ContractAction.REQUEST_TERMINATION).isPresent();
      if (owned.isEmpty() || !inForce) {
        return terminated(current, actor, why, owned.isEmpty() ? "ADMIN" : "PARTY");
      }
      var now = now();
      return Flux.fromIterable(owned)
          .concatMap(party -> store.consent(id, ContractRecords.TERMINATION, party, actor.subject(), why, now))
          .then(store.consents(id, ContractRecords.TERMINATION).collectList())
          .flatMap(consents -> consents.size() == PartyRole.values().length
              ? terminated(current, actor, why, "AGREEMENT")
              : requested(current, actor, owned, why, now));
    }).as(transaction::transactional);
  }

  private Mono<ContractRecords.Details> requested(Contract current, Actor actor, List<PartyRole> parties, String reason,
      Instant now) {
    var next = current.withStatus(current.status(), current.statusReason(), now);
    return store.update(next).then(records.recorded(next, ContractAction.REQUEST_TERMINATION.eventType(),
        actor.subject(), Map.of("parties", parties.stream().map(Enum::name).sorted().toList(), "reason", reason), now));
  }

  private Mono<ContractRecords.Details> terminated(Contract current, Actor actor, String reason, String by) {
    var now = now();
    var milestones = current.milestones().stream()
        .map(m -> m.status() == MilestoneStatus.ACCEPTED ? m : new Milestone(m.id(), m.sequence(), m.title(),
            m.amountFen(), m.dueDate(), MilestoneStatus.CANCELLED, m.deliveredAt(), m.deliveredBy(), null, null))
        .toList();
    var next = current.with(ContractStatus.TERMINATED, reason, current.terms(), milestones, current.signingDate(),
        current.registration(), now);
    return Flux.fromIterable(milestones).filter(m -> m.status() == MilestoneStatus.CANCELLED)
        .concatMap(m -> store.updateMilestone(m, now))
        .then(store.update(next))
        .then(payments.contractTerminated(current.id()))
        .then(records.recorded(next, ContractAction.TERMINATE.eventType(), actor.subject(),
            Map.of("reason", reason, "by", by), now));
  }

  private record Locked(Contract contract, Map<PartyRole, MemberRole> roles) {}

  private interface Step {
    Mono<ContractRecords.Details> apply(Contract current, Map<PartyRole, MemberRole> roles);
  }

  private Mono<Locked> locked(Actor actor, UUID id) {
    return visible(store.lock(id), actor)
        .flatMap(contract -> access.rolesOf(contract, actor).map(roles -> new Locked(contract, roles)));
  }

  /** Lock, see, version, lifecycle, then the step (which checks permission first and writes). */
  private Mono<ContractRecords.Details> change(Actor actor, UUID id, Long expectedVersion, ContractAction action,
      Step step) {
    return locked(actor, id)
        .flatMap(locked -> {
          var current = locked.contract();
          return Mono.defer(() -> {
            if (expectedVersion != null && expectedVersion != current.version()) {
              return Mono.error(ContractProblems.stale());
            }
            if (ContractAction.LIFECYCLE.next(current.status(), action).isEmpty()) {
              return Mono.error(permitted(action, actor, locked.roles())
                  ? ContractProblems.illegalTransition(current.status(), action) : ContractProblems.forbidden());
            }
            return step.apply(current, locked.roles());
          });
        })
        .as(transaction::transactional);
  }

  /** Whether the actor could take the action in the right state (decides 403 before 409). */
  private static boolean permitted(ContractAction action, Actor actor, Map<PartyRole, MemberRole> roles) {
    return switch (action) {
      case REGISTER, REJECT -> actor.isAdmin();
      case DELIVER_MILESTONE -> ContractAccess.mayEdit(roles.get(PartyRole.SELLER));
      case ACCEPT_MILESTONE -> ContractAccess.maySign(roles.get(PartyRole.BUYER));
      default -> roles.values().stream().anyMatch(ContractAccess::mayEdit);
    };
  }

  private Mono<ContractRecords.Details> simple(Contract current, Actor actor, ContractAction action,
      ContractStatus next, String reason, Map<String, ?> details) {
    var now = now();
    var changed = current.withStatus(next, reason, now);
    return store.update(changed).then(records.recorded(changed, action.eventType(), actor.subject(), details, now));
  }

  private Mono<Contract> visible(Mono<Contract> found, Actor actor) {
    // flatMap rather than filterWhen: filterWhen cancels its inner publisher on the first answer,
    // and a cancelled R2DBC query can leave its pooled connection unusable.
    return found.flatMap(contract -> access.maySee(contract, actor)
            .flatMap(visible -> visible ? Mono.just(contract) : Mono.<Contract>empty()))
        .switchIfEmpty(Mono.error(ContractProblems.notFound()));
  }

  private static void requireEditor(Map<PartyRole, MemberRole> roles) {
    if (roles.values().stream().noneMatch(ContractAccess::mayEdit)) {
      throw ContractProblems.forbidden();
    }
  }

  private static void requireRegistrar(Actor actor) {
    if (!actor.isAdmin()) {
      throw ContractProblems.forbidden();
    }
  }

  private static PartyRole signingParty(Map<PartyRole, MemberRole> roles, PartyRole requested) {
    if (requested != null) {
      if (!ContractAccess.maySign(roles.get(requested))) {
        throw ContractProblems.forbidden();
      }
      return requested;
    }
    var signatory = roles.entrySet().stream().filter(e -> ContractAccess.maySign(e.getValue())).map(Map.Entry::getKey)
        .toList();
    if (signatory.isEmpty()) {
      throw ContractProblems.forbidden();
    }
    if (signatory.size() > 1) {
      throw ContractProblems.invalid("party", "required");
    }
    return signatory.getFirst();
  }

  private static Milestone milestone(Contract contract, UUID milestoneId) {
    return contract.milestones().stream().filter(m -> m.id().equals(milestoneId)).findFirst()
        .orElseThrow(ContractProblems::notFound);
  }

  private static List<Milestone> replace(Contract contract, Milestone changed) {
    return contract.milestones().stream().map(m -> m.id().equals(changed.id()) ? changed : m).toList();
  }

  private Instant now() {
    return AuditChain.truncate(Instant.now(clock));
  }

  static Map<String, Object> details(Object... keyValues) {
    var map = new HashMap<String, Object>();
    for (var i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
