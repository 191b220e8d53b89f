package org.pingliang.techmarket.marketplace.payment;

import java.io.IOException;
import org.pingliang.techmarket.marketplace.payment.stub.StripeStub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Wires Stripe: the real API when a key is configured and the stub is off, otherwise the local stub
 * started inside this app (development, tests and the demo platform), which then sends its webhooks
 * back to this app signed with the configured secret. A live key never goes to the stub.
 */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PaymentConfiguration.class);

  @Bean(destroyMethod = "close")
  StripeStubHolder stripeStub(PaymentProperties properties) throws IOException {
    if (!properties.stub().enabled()) {
      return new StripeStubHolder(null);
    }
    if (properties.stripe().apiKey().startsWith("sk_live_")) {
      throw new IllegalStateException("techmarket.payments.stub.enabled with a live Stripe key: refusing to start");
    }
    var stub = StripeStub.start(properties.stub().port());
    log.warn("Payments talk to the local Stripe stub at {} (techmarket.payments.stub.enabled=true); no real money moves",
        stub.baseUrl());
    return new StripeStubHolder(stub);
  }

  @Bean
  StripeGateway stripeGateway(PaymentProperties properties, StripeStubHolder stub) {
    var stripe = properties.stripe();
    var apiBase = stub.stub() != null ? stub.stub().baseUrl() : stripe.apiBase();
    return new StripePayments(StripePayments.client(stripe.apiKey(), apiBase, stripe.timeout()), stripe.timeout(),
        properties.onboarding());
  }

  @EventListener
  void deliverStubWebhooks(WebServerInitializedEvent event) {
    var context = event.getApplicationContext();
    ObjectProvider<StripeStubHolder> holder = context.getBeanProvider(StripeStubHolder.class);
    var stub = holder.getIfAvailable();
    if (stub != null && stub.stub() != null && !"management".equals(event.getApplicationContext().getServerNamespace())) {
      var secret = context.getBean(PaymentProperties.class).stripe().webhookSecret();
      stub.stub().deliverWebhooksTo("http://127.0.0.1:" + event.getWebServer().getPort() + "/api/stripe/webhooks", secret);
    }
  }

  /** The running stub, or none when payments talk to Stripe itself. */
  record StripeStubHolder(StripeStub stub) implements AutoCloseable {

    @Override
    public void close() {
      if (stub != null) {
        stub.close();
      }
    }
  }
}
