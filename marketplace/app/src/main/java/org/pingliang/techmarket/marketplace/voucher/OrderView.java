package org.pingliang.techmarket.marketplace.voucher;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Money;

/**
 * An order as the buyer, the provider and the bureau see it: how much vouchers cover, how much is
 * due by card, and the card payment's state (its {@code clientSecret} only for who may pay).
 */
record OrderView(
    UUID id,
    String purpose,
    UUID referenceId,
    UUID buyerOrganisationId,
    UUID providerOrganisationId,
    String description,
    String status,
    Money amount,
    Money voucherAmount,
    Money cardAmount,
    List<Redemption> redemptions,
    Card cardPayment,
    boolean mayPay,
    Instant paidAt,
    Instant createdAt,
    long version) {

  record Redemption(UUID id, UUID voucherId, Money amount, String status, Instant createdAt) {}

  /** {@code status}: CREATING, RETRYING, AWAITING_PAYMENT, SUCCEEDED, FAILED, CANCELLED. */
  record Card(String status, Money amount, String paymentIntentId, String clientSecret, int attempts,
      Instant nextAttemptAt, String lastError) {}

  static OrderView of(StoredOrder order, List<Redemption> redemptions, CardPayment card, boolean mayPay) {
    return new OrderView(order.id(), order.purpose(), order.referenceId(), order.buyerOrganisationId(),
        order.providerOrganisationId(), order.description(), order.status(),
        new Money(order.amountFen(), order.currency()), new Money(order.voucherFen(), order.currency()),
        new Money(order.dueFen(), order.currency()), redemptions,
        card == null ? null : new Card(card.status(), new Money(card.amountFen(), card.currency()),
            card.paymentIntentId(), mayPay ? card.clientSecret() : null, card.attempts(),
            "RETRYING".equals(card.status()) ? card.nextAttemptAt() : null, card.lastError()),
        mayPay, order.paidAt(), order.createdAt(), order.version());
  }
}
