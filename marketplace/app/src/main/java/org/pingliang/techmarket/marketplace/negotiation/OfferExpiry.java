package org.pingliang.techmarket.marketplace.negotiation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.negotiation.internal.OfferStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Marks open offers past their expiry as EXPIRED, with an {@code OfferExpired} event. Readers never
 * wait for it: an open offer past its expiry already reads, and is refused, as expired.
 */
@Component
class OfferExpiry {

  private static final Logger log = LoggerFactory.getLogger(OfferExpiry.class);
  private static final int BATCH = 100;

  private final OfferStore offers;
  private final NegotiationStore negotiations;
  private final Rooms rooms;
  private final TransactionalOperator transaction;
  private final Clock clock;

  OfferExpiry(OfferStore offers, NegotiationStore negotiations, Rooms rooms, TransactionalOperator transaction,
      Clock clock) {
    this.offers = offers;
    this.negotiations = negotiations;
    this.rooms = rooms;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${techmarket.negotiation.expiry-sweep-interval:PT30S}",
      initialDelayString = "${techmarket.negotiation.expiry-sweep-interval:PT30S}")
  void sweepOnSchedule() {
    sweep().subscribe(count -> {
      if (count > 0) {
        log.info("expired {} offers", count);
      }
    }, error -> log.warn("offer expiry sweep failed: {}", error.toString()));
  }

  /** Expires one batch of due offers; how many it expired. */
  Mono<Long> sweep() {
    var now = Instant.now(clock);
    return offers.expired(now, BATCH)
        .concatMap(ids -> expire(ids[1], ids[0], now))
        .filter(Boolean::booleanValue)
        .count();
  }

  private Mono<Boolean> expire(UUID negotiationId, UUID offerId, Instant now) {
    return negotiations.lock(negotiationId)
        .flatMap(n -> offers.find(negotiationId, offerId)
            .filter(offer -> offer.statusAt(now) == OfferStatus.EXPIRED && offer.status() == OfferStatus.OPEN)
            .flatMap(offer -> offers.decide(offer.decided(OfferStatus.EXPIRED, null, now)))
            .filter(Boolean::booleanValue)
            .map(done -> new Rooms.Change<>(n.touched(now), "OfferExpired", offerId, true)))
        .flatMap(change -> rooms.record(change).thenReturn(change))
        .as(transaction::transactional)
        .flatMap(change -> rooms.announce(change).thenReturn(true))
        .defaultIfEmpty(false);
  }
}
