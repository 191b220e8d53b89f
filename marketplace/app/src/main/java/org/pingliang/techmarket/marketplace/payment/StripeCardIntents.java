package org.pingliang.techmarket.marketplace.payment;

import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link CardIntents} over the payment feature's {@link StripeGateway} (Stripe or the local stub). */
@Component
class StripeCardIntents implements CardIntents {

  private final StripeGateway stripe;
  private final PaymentProperties properties;

  StripeCardIntents(StripeGateway stripe, PaymentProperties properties) {
    this.stripe = stripe;
    this.properties = properties;
  }

  @Override
  public Mono<Intent> create(long amountFen, String currency, String transferGroup, String description,
      Map<String, String> metadata, String idempotencyKey) {
    return stripe.createPaymentIntent(new StripeGateway.IntentOrder(amountFen, currency.toLowerCase(),
            properties.paymentMethodTypes(), transferGroup, description, metadata), idempotencyKey)
        .map(intent -> new Intent(intent.id(), intent.clientSecret(), intent.status()))
        .onErrorMap(StripeFailure.class, failure -> new Failure(failure.getMessage(), failure.retryable(), failure));
  }

  @Override
  public Mono<Void> cancel(String paymentIntentId, String idempotencyKey) {
    return stripe.cancelPaymentIntent(paymentIntentId, idempotencyKey).then()
        .onErrorMap(StripeFailure.class, failure -> new Failure(failure.getMessage(), failure.retryable(), failure));
  }
}
