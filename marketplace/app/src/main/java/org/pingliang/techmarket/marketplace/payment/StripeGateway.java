package org.pingliang.techmarket.marketplace.payment;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The Stripe calls payments make, free of SDK types. Every POST carries the caller's idempotency
 * key, so a repeated call (a retry after a timeout, a crash before the result was stored) gets
 * Stripe's first answer instead of a second object. Failures are {@link StripeFailure}s.
 */
interface StripeGateway {

  /** A Stripe Connect (Express) account for an organisation that receives money. */
  Mono<AccountState> createAccount(UUID organisationId, String idempotencyKey);

  Mono<AccountState> account(String accountId);

  /** A one-time link to Stripe's hosted onboarding of the account. */
  Mono<String> createOnboardingLink(String accountId, String idempotencyKey);

  /** A PaymentIntent charged to the platform (separate charges and transfers). */
  Mono<Intent> createPaymentIntent(IntentOrder order, String idempotencyKey);

  Mono<Intent> cancelPaymentIntent(String paymentIntentId, String idempotencyKey);

  /** Moves part of a charge to a connected account; returns the transfer id. */
  Mono<String> createTransfer(TransferOrder order, String idempotencyKey);

  /** Refunds part or all of a PaymentIntent; returns the refund id. */
  Mono<String> refund(String paymentIntentId, long amountFen, String idempotencyKey);

  record AccountState(String accountId, boolean chargesEnabled, boolean payoutsEnabled, boolean detailsSubmitted) {}

  record Intent(String id, String clientSecret, String status, String latestCharge) {}

  record IntentOrder(long amountFen, String currency, List<String> paymentMethodTypes, String transferGroup,
      String description, Map<String, String> metadata) {}

  record TransferOrder(long amountFen, String currency, String destination, String transferGroup,
      String sourceTransaction, Map<String, String> metadata) {}
}
