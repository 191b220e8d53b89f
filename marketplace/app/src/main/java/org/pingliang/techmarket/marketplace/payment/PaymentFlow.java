package org.pingliang.techmarket.marketplace.payment;

import static org.pingliang.techmarket.marketplace.payment.PaymentStatus.AWAITING_PAYMENT;
import static org.pingliang.techmarket.marketplace.payment.PaymentStatus.CANCELLED;
import static org.pingliang.techmarket.marketplace.payment.PaymentStatus.CREATING;
import static org.pingliang.techmarket.marketplace.payment.PaymentStatus.FUNDED;
import static org.pingliang.techmarket.marketplace.payment.PaymentStatus.REFUNDED;
import static org.pingliang.techmarket.marketplace.payment.PaymentStatus.REFUNDING;
import static org.pingliang.techmarket.marketplace.payment.PaymentStatus.RELEASED;
import static org.pingliang.techmarket.marketplace.payment.PaymentStatus.RELEASING;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The state changes of a milestone payment, each inside the caller's transaction: the payment row is
 * locked first, the change and its event written together, and any Stripe work only queued as a
 * task. Funded and accepted may arrive in either order; whichever comes second starts the release.
 */
@Component
class PaymentFlow {

  private final PaymentStore payments;
  private final TaskStore tasks;
  private final PaymentEvents events;
  private final Clock clock;

  PaymentFlow(PaymentStore payments, TaskStore tasks, PaymentEvents events, Clock clock) {
    this.payments = payments;
    this.tasks = tasks;
    this.events = events;
    this.clock = clock;
  }

  /** A new payment: queue its PaymentIntent. */
  Mono<Void> requested(MilestonePayment payment) {
    return tasks.enqueue(payment, TaskKind.CREATE_INTENT, payment.amountFen())
        .then(events.append(payment, "PaymentRequested"));
  }

  /** The buyer accepted the milestone (PaymentHooks): remember it and release if the money is in. */
  Mono<Void> accepted(UUID contractId, UUID milestoneId) {
    return payments.ofMilestone(contractId, milestoneId)
        .flatMap(payment -> payments.lock(payment.id()))
        .map(payment -> List.of(payment))
        .defaultIfEmpty(List.of())
        .flatMap(locked -> payments.accept(contractId, milestoneId, clock.instant())
            .then(locked.isEmpty() ? Mono.empty() : releaseIfReady(locked.getFirst().id())));
  }

  /** The money is in (payment_intent.succeeded). A cancelled payment's late money goes back. */
  Mono<Void> moneyArrived(UUID paymentId, String paymentIntentId, String chargeId) {
    return payments.lock(paymentId).flatMap(payment -> switch (payment.status()) {
      case CREATING, AWAITING_PAYMENT -> payments.funded(paymentId, paymentIntentId, chargeId, clock.instant())
          .flatMap(funded -> events.append(funded, "PaymentFunded"))
          .then(releaseIfReady(paymentId));
      case CANCELLED -> payments.lateCharge(paymentId, paymentIntentId, chargeId)
          .then(startRefund(payment, List.of(CANCELLED)));
      default -> Mono.empty();
    });
  }

  /** The contract was terminated (PaymentHooks): refund what is held, cancel what is unpaid. */
  Mono<Void> terminated(UUID contractId) {
    return payments.terminate(contractId, clock.instant())
        .thenMany(payments.lockOfContract(contractId))
        .concatMap(payment -> switch (payment.status()) {
          case FUNDED -> startRefund(payment, List.of(FUNDED));
          case CREATING -> cancel(payment, false);
          case AWAITING_PAYMENT -> cancel(payment, true);
          default -> Mono.empty();
        })
        .then();
  }

  /** Starts the release when the payment is FUNDED and its milestone accepted; nothing otherwise. */
  Mono<Void> releaseIfReady(UUID paymentId) {
    return payments.startReleaseIfAccepted(paymentId, clock.instant()).flatMap(releasing -> {
      var split = releasing.split();
      var transfers = Mono.<Void>empty();
      if (split.sellerShareFen() > 0) {
        transfers = transfers.then(tasks.enqueue(releasing, TaskKind.TRANSFER_SELLER, split.sellerShareFen()));
      }
      if (split.commissionFen() > 0) {
        transfers = transfers.then(tasks.enqueue(releasing, TaskKind.TRANSFER_BROKER, split.commissionFen()));
      }
      var started = transfers.then(events.append(releasing, "PaymentReleaseStarted"));
      // A fee of 100 % leaves nothing to transfer: released at once.
      return split.sellerShareFen() + split.commissionFen() > 0 ? started : started.then(released(paymentId));
    });
  }

  /** The PaymentIntent exists (worker). A payment cancelled meanwhile gets it cancelled too. */
  Mono<Void> intentCreated(UUID paymentId, StripeGateway.Intent intent) {
    return payments.lock(paymentId)
        .flatMap(payment -> payments.intentCreated(paymentId, intent.id(), intent.clientSecret(), clock.instant()))
        .flatMap(updated -> events.append(updated, "PaymentIntentCreated")
            .then(updated.status() == CANCELLED ? tasks.enqueue(updated, TaskKind.CANCEL_INTENT, 0) : Mono.empty()));
  }

  /** A transfer went through (worker): released once every transfer did. */
  Mono<Void> transferred(UUID paymentId) {
    return tasks.transfersDone(paymentId).flatMap(done -> done ? released(paymentId) : Mono.empty());
  }

  /** The refund went through (worker). */
  Mono<Void> refunded(UUID paymentId) {
    return payments.move(paymentId, List.of(REFUNDING), REFUNDED, clock.instant())
        .flatMap(payment -> events.append(payment, "PaymentRefunded"));
  }

  Mono<MilestonePayment> lock(UUID paymentId) {
    return payments.lock(paymentId);
  }

  private Mono<Void> released(UUID paymentId) {
    return payments.move(paymentId, List.of(RELEASING), RELEASED, clock.instant())
        .flatMap(payment -> events.append(payment, "PaymentReleased"));
  }

  private Mono<Void> startRefund(MilestonePayment payment, List<PaymentStatus> from) {
    return payments.move(payment.id(), from, REFUNDING, clock.instant())
        .flatMap(refunding -> tasks.enqueue(refunding, TaskKind.REFUND, refunding.amountFen())
            .then(events.append(refunding, "PaymentRefundStarted")));
  }

  private Mono<Void> cancel(MilestonePayment payment, boolean intentExists) {
    return payments.move(payment.id(), List.of(CREATING, AWAITING_PAYMENT), CANCELLED, clock.instant())
        .flatMap(cancelled -> events.append(cancelled, "PaymentCancelled")
            .then(intentExists ? tasks.enqueue(cancelled, TaskKind.CANCEL_INTENT, 0) : Mono.empty()));
  }
}
