package org.pingliang.techmarket.marketplace.checkout;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Implemented by each feature that sells through checkout, one bean per purpose; called by the
 * voucher feature inside the transaction that marks the order paid or cancelled.
 */
public interface CheckoutHooks {

  /** The purpose this bean answers for: {@code SERVICE} or {@code BOOKING}. */
  String purpose();

  /** The order is fully paid (voucher part redeemed and card part, if any, succeeded). */
  Mono<Void> paid(UUID referenceId, UUID orderId);

  /** The order was cancelled before it was paid. */
  Mono<Void> cancelled(UUID referenceId, UUID orderId);
}
