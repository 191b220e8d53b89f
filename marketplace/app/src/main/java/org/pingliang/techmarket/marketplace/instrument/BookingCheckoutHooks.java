package org.pingliang.techmarket.marketplace.instrument;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.checkout.CheckoutHooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What checkout tells instrument sharing, inside the transaction that settles the order: paid
 * confirms the booking, cancelled releases its slot. Both are idempotent (a repeat finds the
 * booking already moved and writes nothing).
 */
@Component
class BookingCheckoutHooks implements CheckoutHooks {

  private static final Logger log = LoggerFactory.getLogger(BookingCheckoutHooks.class);

  private final BookingStore store;
  private final Clock clock;

  BookingCheckoutHooks(BookingStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public String purpose() {
    return Bookings.PURPOSE;
  }

  @Override
  public Mono<Void> paid(UUID referenceId, UUID orderId) {
    return store.move(referenceId, BookingStatus.PENDING_PAYMENT, BookingStatus.CONFIRMED, null, Instant.now(clock))
        .filter(moved -> !moved)
        .flatMap(notMoved -> store.find(referenceId))
        .doOnNext(booking -> {
          if (booking.status() != BookingStatus.CONFIRMED && booking.status() != BookingStatus.COMPLETED) {
            log.warn("order {} paid for booking {} in status {}", orderId, referenceId, booking.status());
          }
        })
        .then();
  }

  @Override
  public Mono<Void> cancelled(UUID referenceId, UUID orderId) {
    return store.move(referenceId, BookingStatus.PENDING_PAYMENT, BookingStatus.CANCELLED, "订单已取消",
        Instant.now(clock)).then();
  }
}
