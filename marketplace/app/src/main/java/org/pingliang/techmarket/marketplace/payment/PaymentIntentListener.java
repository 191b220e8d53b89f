package org.pingliang.techmarket.marketplace.payment;

import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * A feature that created PaymentIntents through {@link CardIntents} and wants to hear when they are
 * paid. The webhook hands it {@code payment_intent.succeeded} when the intent's metadata carries its
 * {@link #metadataKey()}, inside the transaction that records the event id (applied once).
 */
public interface PaymentIntentListener {

  /** The metadata key that marks this feature's intents, e.g. {@code order_id}. */
  String metadataKey();

  /** The intent was paid; join the caller's transaction, write rows only. */
  Mono<Void> succeeded(String paymentIntentId, Map<String, String> metadata, String chargeId);
}
