package org.pingliang.techmarket.marketplace.checkout;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * TEST-ONLY stand-in for the voucher feature's {@link Checkout}, which is written on another branch:
 * it records every call and answers an OPEN order (the same one for the same purpose and reference).
 * The lead deletes it when the real checkout is merged.
 */
@Component
public class CheckoutStandin implements Checkout {

  private final Map<String, Order> orders = new ConcurrentHashMap<>();
  private final List<OrderRequest> opened = new CopyOnWriteArrayList<>();
  private final List<UUID> cancelled = new CopyOnWriteArrayList<>();

  @Override
  public Mono<Order> open(OrderRequest request) {
    return Mono.fromSupplier(() -> {
      opened.add(request);
      return orders.computeIfAbsent(request.purpose() + ":" + request.referenceId(),
          key -> new Order(Ids.newId(), request.purpose(), request.referenceId(), "OPEN", request.amount()));
    });
  }

  @Override
  public Mono<Void> cancel(String purpose, UUID referenceId, String reason) {
    return Mono.fromRunnable(() -> cancelled.add(referenceId));
  }

  /** The requests that opened orders for this reference. */
  public List<OrderRequest> openedFor(UUID referenceId) {
    return opened.stream().filter(request -> request.referenceId().equals(referenceId)).toList();
  }

  public boolean wasCancelled(UUID referenceId) {
    return cancelled.contains(referenceId);
  }
}
