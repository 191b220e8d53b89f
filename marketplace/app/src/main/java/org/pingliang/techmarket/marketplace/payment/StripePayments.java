package org.pingliang.techmarket.marketplace.payment;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.TransferCreateParams;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@link StripeGateway} over stripe-java. The SDK blocks, so every call runs on the bounded elastic
 * scheduler and is cut off after the configured timeout; the SDK's own retries are off because the
 * task worker retries with backoff and the same idempotency key.
 */
class StripePayments implements StripeGateway {

  private final StripeClient stripe;
  private final Duration timeout;
  private final PaymentProperties.Onboarding onboarding;

  StripePayments(StripeClient stripe, Duration timeout, PaymentProperties.Onboarding onboarding) {
    this.stripe = stripe;
    this.timeout = timeout;
    this.onboarding = onboarding;
  }

  static StripeClient client(String apiKey, String apiBase, Duration timeout) {
    var builder = StripeClient.builder()
        .setApiKey(apiKey)
        .setMaxNetworkRetries(0)
        .setConnectTimeout((int) Math.min(timeout.toMillis(), 5_000))
        .setReadTimeout((int) timeout.toMillis());
    if (apiBase != null && !apiBase.isBlank()) {
      builder.setApiBase(apiBase).setConnectBase(apiBase).setFilesBase(apiBase);
    }
    return builder.build();
  }

  @Override
  public Mono<AccountState> createAccount(UUID organisationId, String idempotencyKey) {
    var params = AccountCreateParams.builder()
        .setType(AccountCreateParams.Type.EXPRESS)
        .setCapabilities(AccountCreateParams.Capabilities.builder()
            .setTransfers(AccountCreateParams.Capabilities.Transfers.builder().setRequested(true).build())
            .build())
        .putMetadata("organisation_id", organisationId.toString())
        .build();
    return call(() -> state(stripe.v1().accounts().create(params, key(idempotencyKey))));
  }

  @Override
  public Mono<AccountState> account(String accountId) {
    return call(() -> state(stripe.v1().accounts().retrieve(accountId)));
  }

  @Override
  public Mono<String> createOnboardingLink(String accountId, String idempotencyKey) {
    var params = AccountLinkCreateParams.builder()
        .setAccount(accountId)
        .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
        .setReturnUrl(onboarding.returnUrl())
        .setRefreshUrl(onboarding.refreshUrl())
        .build();
    return call(() -> stripe.v1().accountLinks().create(params, key(idempotencyKey)).getUrl());
  }

  @Override
  public Mono<Intent> createPaymentIntent(IntentOrder order, String idempotencyKey) {
    var params = PaymentIntentCreateParams.builder()
        .setAmount(order.amountFen())
        .setCurrency(order.currency())
        .addAllPaymentMethodType(order.paymentMethodTypes())
        .setTransferGroup(order.transferGroup())
        .setDescription(order.description())
        .putAllMetadata(order.metadata())
        .build();
    return call(() -> intent(stripe.v1().paymentIntents().create(params, key(idempotencyKey))));
  }

  @Override
  public Mono<Intent> cancelPaymentIntent(String paymentIntentId, String idempotencyKey) {
    var params = PaymentIntentCancelParams.builder()
        .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED).build();
    return call(() -> intent(stripe.v1().paymentIntents().cancel(paymentIntentId, params, key(idempotencyKey))));
  }

  @Override
  public Mono<String> createTransfer(TransferOrder order, String idempotencyKey) {
    var params = TransferCreateParams.builder()
        .setAmount(order.amountFen())
        .setCurrency(order.currency())
        .setDestination(order.destination())
        .setTransferGroup(order.transferGroup())
        .setSourceTransaction(order.sourceTransaction())
        .putAllMetadata(order.metadata())
        .build();
    return call(() -> stripe.v1().transfers().create(params, key(idempotencyKey)).getId());
  }

  @Override
  public Mono<String> refund(String paymentIntentId, long amountFen, String idempotencyKey) {
    var params = RefundCreateParams.builder().setPaymentIntent(paymentIntentId).setAmount(amountFen).build();
    return call(() -> stripe.v1().refunds().create(params, key(idempotencyKey)).getId());
  }

  private <T> Mono<T> call(Callable<T> request) {
    return Mono.fromCallable(request)
        .subscribeOn(Schedulers.boundedElastic())
        .timeout(timeout)
        .onErrorMap(StripePayments::failure);
  }

  private static RequestOptions key(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  private static AccountState state(com.stripe.model.Account account) {
    return new AccountState(account.getId(), Boolean.TRUE.equals(account.getChargesEnabled()),
        Boolean.TRUE.equals(account.getPayoutsEnabled()), Boolean.TRUE.equals(account.getDetailsSubmitted()));
  }

  private static Intent intent(PaymentIntent intent) {
    return new Intent(intent.getId(), intent.getClientSecret(), intent.getStatus(), intent.getLatestCharge());
  }

  /** Which failures are worth another attempt: Stripe unreachable, slow, overloaded or busy with the key. */
  private static Throwable failure(Throwable error) {
    if (error instanceof StripeFailure) {
      return error;
    }
    if (error instanceof TimeoutException) {
      return new StripeFailure("Stripe did not answer in time", true, error);
    }
    if (error instanceof StripeException stripe) {
      var status = stripe.getStatusCode() == null ? 0 : stripe.getStatusCode();
      // 409 is a concurrent request with the same idempotency key still running: ask again later.
      var retryable = stripe instanceof ApiConnectionException || stripe instanceof RateLimitException
          || stripe instanceof ApiException || status >= 500 || status == 409;
      var summary = message(stripe, status);
      return new StripeFailure(summary, retryable, error);
    }
    return new StripeFailure(error.getClass().getSimpleName() + ": " + error.getMessage(), true, error);
  }

  private static String message(StripeException stripe, int status) {
    var error = stripe.getStripeError();
    return stripe.getClass().getSimpleName() + " " + status
        + (error == null ? "" : " " + error.getType() + "/" + error.getCode() + ": " + error.getMessage());
  }
}
