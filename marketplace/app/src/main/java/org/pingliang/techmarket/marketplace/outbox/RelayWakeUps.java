package org.pingliang.techmarket.marketplace.outbox;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells the relays of this instance that events were just committed, so they need not wait for
 * their next poll. Signals carry nothing: a relay always reads whatever is unpublished.
 */
@Component
class RelayWakeUps {

  private final Sinks.Many<Boolean> sink = Sinks.many().multicast().directBestEffort();

  void signal() {
    // Two commits signalling at once: retry instead of failing; with no relay listening, drop it.
    sink.emitNext(Boolean.TRUE, (signal, result) -> result == Sinks.EmitResult.FAIL_NON_SERIALIZED);
  }

  Flux<Boolean> signals() {
    return sink.asFlux();
  }
}
