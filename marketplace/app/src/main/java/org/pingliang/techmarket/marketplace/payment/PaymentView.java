package org.pingliang.techmarket.marketplace.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Money;

/**
 * A milestone payment as the API shows it. {@code clientSecret} (what Stripe.js needs to pay) is
 * shown only to those who may pay; {@code steps} are the Stripe calls behind it, e.g. a step
 * RETRYING with its next attempt time while Stripe is away.
 */
record PaymentView(
    UUID id,
    UUID contractId,
    UUID milestoneId,
    PaymentStatus status,
    Money amount,
    Money platformFee,
    Money brokerCommission,
    Money sellerShare,
    String paymentIntentId,
    String clientSecret,
    String transferGroup,
    List<Step> steps,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  record Step(String step, String status, int attempts, Instant nextAttemptAt, String lastError) {}

  static PaymentView of(MilestonePayment payment, List<PaymentTask> tasks, boolean mayPay) {
    var currency = payment.currency();
    var split = payment.split();
    return new PaymentView(payment.id(), payment.contractId(), payment.milestoneId(), payment.status(),
        new Money(split.amountFen(), currency), new Money(split.platformFeeFen(), currency),
        new Money(split.commissionFen(), currency), new Money(split.sellerShareFen(), currency),
        payment.paymentIntentId(), mayPay && payment.status() == PaymentStatus.AWAITING_PAYMENT ? payment.clientSecret() : null,
        payment.transferGroup(),
        tasks.stream().map(task -> new Step(task.kind().name(), task.status(), task.attempts(),
            PaymentTask.DONE.equals(task.status()) ? null : task.nextAttemptAt(), task.lastError())).toList(),
        payment.createdAt(), payment.updatedAt(), payment.version());
  }
}
