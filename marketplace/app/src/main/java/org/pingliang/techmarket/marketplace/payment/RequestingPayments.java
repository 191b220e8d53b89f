package org.pingliang.techmarket.marketplace.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.deal.ContractLedger;
import org.pingliang.techmarket.marketplace.deal.ContractLedger.PayableContract;
import org.pingliang.techmarket.marketplace.deal.ContractLedger.PayableMilestone;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.organisation.MemberRole;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The buyer pays a milestone (付款): one payment per milestone, whoever clicks how often. The request
 * stores the payment and its PaymentIntent task in one transaction, then tries Stripe at once; when
 * Stripe is away the answer says so (step RETRYING) and the worker finishes later.
 */
@Component
class RequestingPayments {

  private static final Duration FIRST_TRY = Duration.ofSeconds(15);

  private final ObjectProvider<ContractLedger> ledger;
  private final Organisations organisations;
  private final PaymentStore payments;
  private final TaskStore tasks;
  private final PaymentFlow flow;
  private final StripeTaskWorker worker;
  private final TransactionalOperator transaction;
  private final PaymentProperties properties;
  private final Clock clock;

  RequestingPayments(ObjectProvider<ContractLedger> ledger, Organisations organisations, PaymentStore payments,
      TaskStore tasks, PaymentFlow flow, StripeTaskWorker worker, TransactionalOperator transaction,
      PaymentProperties properties, Clock clock) {
    this.ledger = ledger;
    this.organisations = organisations;
    this.payments = payments;
    this.tasks = tasks;
    this.flow = flow;
    this.worker = worker;
    this.transaction = transaction;
    this.properties = properties;
    this.clock = clock;
  }

  record Requested(PaymentView payment, boolean created) {}

  Mono<Requested> pay(Actor actor, UUID contractId, UUID milestoneId, String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
      return Mono.error(PaymentProblems.invalidKey());
    }
    return contract(contractId)
        .flatMap(contract -> requireBuyer(actor, contract).thenReturn(contract))
        .flatMap(contract -> payable(contract, milestoneId)
            .flatMap(milestone -> store(actor, contract, milestone, idempotencyKey)))
        .flatMap(stored -> worker.runNow(stored.payment().id(), TaskKind.CREATE_INTENT)
            .timeout(FIRST_TRY, Mono.empty())
            .onErrorResume(error -> Mono.empty())
            .then(view(stored.payment().id(), true))
            .map(view -> new Requested(view, stored.created())));
  }

  Flux<PaymentView> ofContract(Actor actor, UUID contractId) {
    return contract(contractId)
        .flatMap(contract -> access(actor, contract))
        .flatMapMany(mayPay -> payments.ofContract(contractId).concatMap(payment -> view(payment, mayPay)));
  }

  Mono<PaymentView> ofMilestone(Actor actor, UUID contractId, UUID milestoneId) {
    return contract(contractId)
        .flatMap(contract -> access(actor, contract))
        .flatMap(mayPay -> payments.ofMilestone(contractId, milestoneId).flatMap(payment -> view(payment, mayPay)))
        .switchIfEmpty(Mono.error(PaymentProblems::notFound));
  }

  private record Stored(MilestonePayment payment, boolean created) {}

  private Mono<Stored> store(Actor actor, PayableContract contract, PayableMilestone milestone, String key) {
    var broker = contract.broker();
    var commissionBps = broker == null ? 0 : broker.commissionBasisPoints();
    var now = clock.instant();
    var fresh = new MilestonePayment(Ids.newId(), contract.contractId(), milestone.milestoneId(),
        contract.buyerOrganisationId(), contract.sellerOrganisationId(),
        broker == null ? null : broker.brokerOrganisationId(), milestone.amount().currency(),
        Split.of(milestone.amount().amountFen(), properties.platformFeeBps(), commissionBps),
        properties.platformFeeBps(), commissionBps, PaymentStatus.CREATING, null, null, null, actor.subject(),
        now, now, 1);
    return payments.isTerminated(contract.contractId())
        .flatMap(terminated -> terminated ? Mono.error(PaymentProblems.contractNotPayable("TERMINATED"))
            : payments.insertIfAbsent(fresh))
        .flatMap(created -> created
            ? flow.requested(fresh).thenReturn(new Stored(fresh, true))
            : payments.ofMilestone(contract.contractId(), milestone.milestoneId()).map(found -> new Stored(found, false)))
        .flatMap(stored -> key == null ? Mono.just(stored)
            : payments.rememberKey(actor.subject(), key, stored.payment().id())
                .flatMap(paymentId -> paymentId.equals(stored.payment().id()) ? Mono.just(stored)
                    : Mono.error(PaymentProblems.keyReused())))
        .as(transaction::transactional);
  }

  private Mono<PayableContract> contract(UUID contractId) {
    var contracts = ledger.getIfAvailable();
    return (contracts == null ? Mono.<PayableContract>empty() : contracts.find(contractId))
        .switchIfEmpty(Mono.error(PaymentProblems::notFound));
  }

  private static Mono<PayableMilestone> payable(PayableContract contract, UUID milestoneId) {
    var milestone = contract.milestones().stream().filter(m -> m.milestoneId().equals(milestoneId)).findFirst();
    if (milestone.isEmpty()) {
      return Mono.error(PaymentProblems.notFound());
    }
    if (!contract.acceptsPayments()) {
      return Mono.error(PaymentProblems.contractNotPayable(contract.status()));
    }
    if ("CANCELLED".equals(milestone.get().status()) || milestone.get().amount().amountFen() <= 0) {
      return Mono.error(PaymentProblems.milestoneNotPayable(milestone.get().status()));
    }
    return Mono.just(milestone.get());
  }

  /** Pays: an OWNER or EDITOR of the buyer. Other members of a party: 403; strangers: 404. */
  private Mono<Void> requireBuyer(Actor actor, PayableContract contract) {
    return organisations.roleOf(contract.buyerOrganisationId(), actor.subject())
        .map(role -> role == MemberRole.OWNER || role == MemberRole.EDITOR)
        .switchIfEmpty(Mono.defer(() -> isParty(actor, contract)
            .flatMap(party -> Mono.error(party ? PaymentProblems.notBuyer() : PaymentProblems.notFound()))))
        .flatMap(mayPay -> mayPay ? Mono.<Void>empty() : Mono.error(PaymentProblems.notBuyer()));
  }

  /** Sees payments: members of the buyer, the seller and the broker, and ADMIN; true when they may pay. */
  private Mono<Boolean> access(Actor actor, PayableContract contract) {
    return organisations.roleOf(contract.buyerOrganisationId(), actor.subject())
        .map(role -> role == MemberRole.OWNER || role == MemberRole.EDITOR)
        .switchIfEmpty(Mono.defer(() -> isParty(actor, contract)
            .flatMap(party -> party || actor.isAdmin() ? Mono.just(false) : Mono.error(PaymentProblems.notFound()))));
  }

  private Mono<Boolean> isParty(Actor actor, PayableContract contract) {
    var parties = contract.broker() == null
        ? List.of(contract.buyerOrganisationId(), contract.sellerOrganisationId())
        : List.of(contract.buyerOrganisationId(), contract.sellerOrganisationId(), contract.broker().brokerOrganisationId());
    return Flux.fromIterable(parties).concatMap(id -> organisations.roleOf(id, actor.subject())).hasElements();
  }

  private Mono<PaymentView> view(UUID paymentId, boolean mayPay) {
    return payments.find(paymentId).flatMap(payment -> view(payment, mayPay));
  }

  private Mono<PaymentView> view(MilestonePayment payment, boolean mayPay) {
    return tasks.ofPayment(payment.id()).collectList().map(steps -> PaymentView.of(payment, steps, mayPay));
  }
}
