package org.pingliang.techmarket.marketplace.deal;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * What the contract feature tells payments. Owned by payments. Each call runs inside the contract
 * feature's transaction and may only write to PostgreSQL (e.g. a release or refund request row);
 * Stripe is called later from those rows, so the contract change and the payment work commit or
 * roll back together.
 */
public interface PaymentHooks {

  /** The buyer accepted this milestone's delivery: release its held funds when they are in. */
  Mono<Void> milestoneAccepted(UUID contractId, UUID milestoneId);

  /** The contract was terminated: refund whatever is held and not yet released. */
  Mono<Void> contractTerminated(UUID contractId);
}
