package org.pingliang.techmarket.marketplace.instrument;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.checkout.Checkout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Releases slots held by bookings nobody paid for: a booking still awaiting payment after the hold
 * ({@code techmarket.instruments.payment-hold}, 30 minutes) or once its slot has begun is
 * cancelled together with its order, so an abandoned checkout never blocks an instrument.
 */
@Component
class BookingHolds {

  private static final Logger log = LoggerFactory.getLogger(BookingHolds.class);
  private static final int BATCH = 100;

  private final BookingStore store;
  private final ObjectProvider<Checkout> checkout;
  private final TransactionalOperator transaction;
  private final Clock clock;
  private final Duration hold;

  BookingHolds(BookingStore store, ObjectProvider<Checkout> checkout, TransactionalOperator transaction, Clock clock,
      @Value("${techmarket.instruments.payment-hold:PT30M}") Duration hold) {
    this.store = store;
    this.checkout = checkout;
    this.transaction = transaction;
    this.clock = clock;
    this.hold = hold;
  }

  @Scheduled(fixedDelayString = "${techmarket.instruments.hold-sweep-interval:PT1M}",
      initialDelayString = "${techmarket.instruments.hold-sweep-interval:PT1M}")
  void sweepOnSchedule() {
    sweep().subscribe(count -> {
      if (count > 0) {
        log.info("released {} unpaid instrument bookings", count);
      }
    }, error -> log.warn("booking hold sweep failed: {}", error.toString()));
  }

  /** Cancels one batch of unpaid bookings past their hold; how many it cancelled. */
  Mono<Long> sweep() {
    var now = Instant.now(clock);
    return store.unpaidSince(now.minus(hold), now, BATCH)
        .concatMap(id -> release(id, now))
        .filter(Boolean::booleanValue)
        .count();
  }

  private Mono<Boolean> release(UUID id, Instant now) {
    return store.lock(id)
        .filter(booking -> booking.status() == BookingStatus.PENDING_PAYMENT)
        .flatMap(booking -> {
          var payments = checkout.getIfAvailable();
          Mono<Void> order = payments == null || booking.orderId() == null ? Mono.empty()
              : payments.cancel(Bookings.PURPOSE, id, "支付超时，预约已自动取消");
          return order.then(store.move(id, BookingStatus.PENDING_PAYMENT, BookingStatus.CANCELLED, "支付超时", now));
        })
        .as(transaction::transactional)
        .defaultIfEmpty(false);
  }
}
