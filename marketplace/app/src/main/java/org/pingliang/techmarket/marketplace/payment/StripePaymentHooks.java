package org.pingliang.techmarket.marketplace.payment;

import java.util.UUID;
import org.pingliang.techmarket.marketplace.deal.PaymentHooks;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link PaymentHooks} for the contract feature. Runs inside the contract's transaction and only
 * writes rows (the acceptance, refund and cancel tasks); the task worker calls Stripe after commit.
 */
@Component
class StripePaymentHooks implements PaymentHooks {

  private final PaymentFlow flow;

  StripePaymentHooks(PaymentFlow flow) {
    this.flow = flow;
  }

  @Override
  public Mono<Void> milestoneAccepted(UUID contractId, UUID milestoneId) {
    return flow.accepted(contractId, milestoneId);
  }

  @Override
  public Mono<Void> contractTerminated(UUID contractId) {
    return flow.terminated(contractId);
  }
}
