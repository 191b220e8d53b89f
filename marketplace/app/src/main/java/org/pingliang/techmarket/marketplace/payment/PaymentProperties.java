package org.pingliang.techmarket.marketplace.payment;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payments ({@code techmarket.payments.*}).
 *
 * @param platformFeeBps the platform's fee on every released milestone, in basis points (500 = 5 %)
 * @param paymentMethodTypes what a buyer may pay with; Stripe takes card, alipay and wechat_pay in CNY
 *     when the platform account's country supports them
 * @param stripe how to reach Stripe
 * @param stub the local Stripe stand-in for development and tests
 * @param worker the retrying worker that performs every Stripe call
 * @param onboarding where Stripe's hosted onboarding sends the user back to
 */
@ConfigurationProperties("techmarket.payments")
public record PaymentProperties(
    @DefaultValue("500") int platformFeeBps,
    @DefaultValue({"card", "alipay", "wechat_pay"}) List<String> paymentMethodTypes,
    @DefaultValue Stripe stripe,
    @DefaultValue Stub stub,
    @DefaultValue Worker worker,
    @DefaultValue Onboarding onboarding) {

  public PaymentProperties {
    if (platformFeeBps < 0 || platformFeeBps > 10_000) {
      throw new IllegalArgumentException("techmarket.payments.platform-fee-bps must be 0..10000");
    }
    paymentMethodTypes = List.copyOf(paymentMethodTypes);
  }

  /**
   * @param apiKey the secret key ({@code TECHMARKET_STRIPE_API_KEY}); never logged
   * @param webhookSecret the endpoint's signing secret ({@code TECHMARKET_STRIPE_WEBHOOK_SECRET})
   * @param apiBase Stripe's API address; empty means api.stripe.com (or the stub when it runs)
   * @param timeout how long one Stripe call may take before it counts as failed
   * @param webhookTolerance how old a webhook signature's timestamp may be
   */
  public record Stripe(
      @DefaultValue("sk_test_local_stub") String apiKey,
      @DefaultValue("whsec_local_stub") String webhookSecret,
      @DefaultValue("") String apiBase,
      @DefaultValue("10s") Duration timeout,
      @DefaultValue("5m") Duration webhookTolerance) {

    @Override
    public String toString() {
      return "Stripe[apiBase=" + apiBase + ", timeout=" + timeout + "]";
    }
  }

  /**
   * @param enabled run the stub inside this app and point the client at it (local development and
   *     tests; never with a live key)
   * @param port where the stub listens; taken ports fall back to a free one
   */
  public record Stub(@DefaultValue("true") boolean enabled, @DefaultValue("12111") int port) {}

  /**
   * @param enabled whether this instance works the task queue
   * @param pollInterval how often it looks for due tasks
   * @param batchSize tasks leased per round
   * @param lease how long a leased task belongs to this instance before another may take it over
   * @param firstBackoff the wait after the first failure; it doubles up to maxBackoff
   * @param maxBackoff the longest wait between two attempts
   */
  public record Worker(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("1s") Duration pollInterval,
      @DefaultValue("20") int batchSize,
      @DefaultValue("60s") Duration lease,
      @DefaultValue("1s") Duration firstBackoff,
      @DefaultValue("5m") Duration maxBackoff) {}

  /** Where Stripe's hosted onboarding returns to (done) or refreshes (link expired). */
  public record Onboarding(
      @DefaultValue("http://localhost:8080/payout-account/done") String returnUrl,
      @DefaultValue("http://localhost:8080/payout-account/refresh") String refreshUrl) {}
}
