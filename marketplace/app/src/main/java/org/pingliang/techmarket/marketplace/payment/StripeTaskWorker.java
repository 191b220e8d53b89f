package org.pingliang.techmarket.marketplace.payment;

import java.net.InetAddress;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Performs the queued Stripe calls. Each round leases the due tasks, calls Stripe with the task's
 * idempotency key and records the outcome with the payment change in one transaction. A failure
 * that may pass (Stripe down, slow, overloaded) leaves the task RETRYING with its next attempt time
 * after a doubling backoff; one that will not (Stripe refused the request) leaves it FAILED with the
 * reason. A crash after Stripe's answer and before the commit is repaired by the next attempt, which
 * sends the same key and gets Stripe's first answer back.
 */
@Component
class StripeTaskWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StripeTaskWorker.class);

  private final TaskStore tasks;
  private final PaymentStore payments;
  private final PayoutAccountStore accounts;
  private final PaymentFlow flow;
  private final StripeGateway stripe;
  private final TransactionalOperator transaction;
  private final PaymentProperties properties;
  private final Backoff backoff;
  private final String name;
  private volatile Disposable loop;

  StripeTaskWorker(TaskStore tasks, PaymentStore payments, PayoutAccountStore accounts, PaymentFlow flow,
      StripeGateway stripe, TransactionalOperator transaction, PaymentProperties properties) {
    this.tasks = tasks;
    this.payments = payments;
    this.accounts = accounts;
    this.flow = flow;
    this.stripe = stripe;
    this.transaction = transaction;
    this.properties = properties;
    this.backoff = new Backoff(properties.worker().firstBackoff(), properties.worker().maxBackoff());
    this.name = hostname() + "-" + Ids.newId();
  }

  /** Works this payment's step now if nobody else holds it (e.g. right after a pay request). */
  Mono<Void> runNow(UUID paymentId, TaskKind kind) {
    return tasks.leaseNow(paymentId, kind, name, properties.worker().lease()).flatMap(this::work);
  }

  /** One round: the due tasks, a few at a time, then any release a lost race left waiting. */
  Mono<Void> runDue() {
    var worker = properties.worker();
    return tasks.leaseDue(name, worker.lease(), worker.batchSize())
        .flatMap(this::work, 4)
        .thenMany(payments.readyToRelease(worker.batchSize())
            .concatMap(id -> flow.lock(id).then(flow.releaseIfReady(id)).as(transaction::transactional)))
        .then();
  }

  private Mono<Void> work(PaymentTask task) {
    return payments.find(task.paymentId())
        .flatMap(payment -> perform(task, payment))
        .onErrorResume(error -> failed(task, error));
  }

  private Mono<Void> perform(PaymentTask task, MilestonePayment payment) {
    var metadata = Map.of("contract_id", payment.contractId().toString(),
        "milestone_id", payment.milestoneId().toString(), "payment_id", payment.id().toString());
    return switch (task.kind()) {
      case CREATE_INTENT -> stripe.createPaymentIntent(new StripeGateway.IntentOrder(payment.amountFen(),
              payment.currency().toLowerCase(), properties.paymentMethodTypes(), payment.transferGroup(),
              "Milestone " + payment.milestoneId() + " of contract " + payment.contractId(), metadata),
              task.idempotencyKey())
          .flatMap(intent -> complete(task, intent.id(), flow.intentCreated(payment.id(), intent)));
      case TRANSFER_SELLER -> transfer(task, payment, payment.sellerOrganisationId(), metadata);
      case TRANSFER_BROKER -> transfer(task, payment, payment.brokerOrganisationId(), metadata);
      case REFUND -> stripe.refund(payment.paymentIntentId(), task.amountFen(), task.idempotencyKey())
          .flatMap(refund -> complete(task, refund, flow.refunded(payment.id())));
      case CANCEL_INTENT -> payment.paymentIntentId() == null
          ? complete(task, null, Mono.empty())
          : stripe.cancelPaymentIntent(payment.paymentIntentId(), task.idempotencyKey())
              .flatMap(intent -> complete(task, intent.id(), Mono.empty()))
              // Paid meanwhile: nothing to cancel, the payment_intent.succeeded webhook refunds it.
              .onErrorResume(error -> error instanceof StripeFailure failure && !failure.retryable()
                  && String.valueOf(failure.getMessage()).contains("payment_intent_unexpected_state"),
                  error -> complete(task, payment.paymentIntentId(), Mono.empty()));
    };
  }

  private Mono<Void> transfer(PaymentTask task, MilestonePayment payment, UUID payee, Map<String, String> metadata) {
    return accounts.find(payee)
        .filter(account -> account.payoutsEnabled())
        .switchIfEmpty(Mono.error(() -> new StripeFailure(
            "payee " + payee + " has not finished Stripe onboarding (no payout account with payouts enabled)",
            true, null)))
        .flatMap(account -> stripe.createTransfer(new StripeGateway.TransferOrder(task.amountFen(),
            payment.currency().toLowerCase(), account.stripeAccountId(), payment.transferGroup(), payment.chargeId(),
            metadata), task.idempotencyKey()))
        .flatMap(transfer -> complete(task, transfer, flow.transferred(payment.id())));
  }

  /** Records Stripe's answer and the payment change together; a lost lease records nothing. */
  private Mono<Void> complete(PaymentTask task, String stripeObjectId, Mono<Void> change) {
    return flow.lock(task.paymentId())
        .then(tasks.done(task, name, stripeObjectId))
        .flatMap(mine -> mine ? change.thenReturn(true) : Mono.just(false))
        .as(transaction::transactional)
        .then();
  }

  private Mono<Void> failed(PaymentTask task, Throwable error) {
    var retryable = !(error instanceof StripeFailure failure) || failure.retryable();
    var reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    if (retryable) {
      var wait = backoff.after(task.attempts());
      log.warn("payment task {} {} failed (attempt {}), retrying in {}: {}", task.kind(), task.idempotencyKey(),
          task.attempts(), wait, reason);
      return tasks.retryLater(task, name, wait, truncate(reason));
    }
    log.error("payment task {} {} refused by Stripe, needs a person: {}", task.kind(), task.idempotencyKey(), reason);
    return tasks.fail(task, name, truncate(reason));
  }

  @Override
  public void start() {
    if (!properties.worker().enabled()) {
      return;
    }
    loop = Flux.interval(properties.worker().pollInterval())
        .onBackpressureDrop()
        .concatMap(tick -> runDue().onErrorResume(error -> {
          log.warn("payment worker round failed: {}", error.toString());
          return Mono.empty();
        }), 0)
        .subscribe();
  }

  @Override
  public void stop() {
    var running = loop;
    if (running != null) {
      running.dispose();
      loop = null;
    }
  }

  @Override
  public boolean isRunning() {
    return loop != null;
  }

  private static String truncate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500);
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "payments";
    }
  }
}
