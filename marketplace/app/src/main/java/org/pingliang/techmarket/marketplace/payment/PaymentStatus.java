package org.pingliang.techmarket.marketplace.payment;

/**
 * Where a milestone's money is. CREATING → AWAITING_PAYMENT → FUNDED (held by the platform) →
 * RELEASING → RELEASED (seller and broker paid, fee kept); on termination an unpaid payment is
 * CANCELLED and held money goes REFUNDING → REFUNDED.
 */
public enum PaymentStatus {
  /** The PaymentIntent is being created (or Stripe is being retried). */
  CREATING,
  /** The buyer can pay with the client secret. */
  AWAITING_PAYMENT,
  /** Paid and held by the platform. */
  FUNDED,
  /** Accepted and funded: the transfers are under way. */
  RELEASING,
  /** The seller's share and the commission were transferred; the fee stays with the platform. */
  RELEASED,
  /** The contract ended before the buyer paid. */
  CANCELLED,
  /** The contract ended with the money held: it goes back to the buyer. */
  REFUNDING,
  /** The held money went back to the buyer. */
  REFUNDED
}
