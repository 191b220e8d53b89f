package org.pingliang.techmarket.marketplace.outbox;

import reactor.core.publisher.Mono;

/**
 * Puts one event on its stream, at most once however often it is called for the same event. The
 * relay's only way out to Redis, and so the seam where tests cut a relay off mid-batch.
 */
interface StreamPublisher {

  Mono<Publication> publish(PendingEvent event);
}
