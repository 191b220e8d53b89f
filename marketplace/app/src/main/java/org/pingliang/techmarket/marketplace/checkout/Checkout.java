package org.pingliang.techmarket.marketplace.checkout;

import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import reactor.core.publisher.Mono;

/** Opens the order that pays for a service or a booking. Owned by the voucher feature. */
public interface Checkout {

  /**
   * Opens the order for this purpose and reference inside the caller's transaction; asking again for
   * the same purpose and reference answers the order already open. The buyer then applies a voucher
   * and pays the rest by card through the order's own endpoints ({@code /api/orders/{id}/...}).
   */
  Mono<Order> open(OrderRequest request);

  /** Cancels an order that is not paid yet (refunding a redeemed voucher into its balance). */
  Mono<Void> cancel(String purpose, UUID referenceId, String reason);

  /**
   * @param purpose {@code SERVICE} (a provider's technology service) or {@code BOOKING} (instrument time)
   * @param referenceId the service order or booking in the selling feature
   * @param description what is bought, shown to the buyer (zh-CN as entered)
   */
  record OrderRequest(
      String purpose,
      UUID referenceId,
      UUID buyerOrganisationId,
      UUID providerOrganisationId,
      Money amount,
      String description,
      String requestedBy) {}

  /** @param status {@code OPEN}, {@code PAID} or {@code CANCELLED} */
  record Order(UUID orderId, String purpose, UUID referenceId, String status, Money amount) {}
}
