package org.pingliang.techmarket.marketplace.payment;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe webhooks: the signature is checked with the endpoint's signing secret (Stripe's scheme,
 * through stripe-java), then the event is applied once: its id goes into {@code stripe_events} in the
 * same transaction as the change, so a replayed or duplicated delivery finds it there and changes
 * nothing, and a failed change leaves no id behind, so Stripe's redelivery applies it.
 */
@Component
class ApplyingStripeEvents {

  private static final Logger log = LoggerFactory.getLogger(ApplyingStripeEvents.class);

  private final DatabaseClient database;
  private final PaymentStore payments;
  private final PayoutAccountStore accounts;
  private final PaymentFlow flow;
  private final TransactionalOperator transaction;
  private final PaymentProperties properties;
  private final JsonMapper json;
  private final Clock clock;
  private final java.util.List<PaymentIntentListener> listeners;

  ApplyingStripeEvents(DatabaseClient database, PaymentStore payments, PayoutAccountStore accounts, PaymentFlow flow,
      TransactionalOperator transaction, PaymentProperties properties, JsonMapper json, Clock clock,
      java.util.List<PaymentIntentListener> listeners) {
    this.listeners = java.util.List.copyOf(listeners);
    this.database = database;
    this.payments = payments;
    this.accounts = accounts;
    this.flow = flow;
    this.transaction = transaction;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  /** What became of a delivery. */
  enum Outcome { APPLIED, DUPLICATE }

  Mono<Outcome> receive(String payload, String signature) {
    return Mono.fromCallable(() -> verified(payload, signature))
        .flatMap(event -> record(event)
            .flatMap(fresh -> fresh ? apply(event).thenReturn(Outcome.APPLIED) : Mono.just(Outcome.DUPLICATE))
            .as(transaction::transactional));
  }

  private JsonNode verified(String payload, String signature) {
    try {
      Webhook.constructEvent(payload, signature == null ? "" : signature, properties.stripe().webhookSecret(),
          properties.stripe().webhookTolerance().toSeconds());
      var event = json.readTree(payload);
      if (text(event, "id") == null || text(event, "type") == null) {
        throw PaymentProblems.badSignature();
      }
      return event;
    } catch (SignatureVerificationException | RuntimeException e) {
      if (e instanceof org.pingliang.techmarket.marketplace.problem.ApiProblem problem) {
        throw problem;
      }
      log.info("Stripe webhook refused: {}", e.getClass().getSimpleName());
      throw PaymentProblems.badSignature();
    }
  }

  private Mono<Boolean> record(JsonNode event) {
    return database.sql("""
            INSERT INTO stripe_events (event_id, type, object_id, received_at) VALUES (:id, :type, :object, :now)
            ON CONFLICT (event_id) DO NOTHING""")
        .bind("id", text(event, "id"))
        .bind("type", text(event, "type"))
        .bind("object", org.pingliang.techmarket.marketplace.listing.shared.Parameters.nullable(
            text(object(event), "id"), String.class))
        .bind("now", clock.instant())
        .fetch().rowsUpdated().map(rows -> rows == 1);
  }

  private Mono<Void> apply(JsonNode event) {
    var object = object(event);
    return switch (text(event, "type")) {
      case "payment_intent.succeeded" -> listenerOf(object)
          .map(listener -> listener.succeeded(text(object, "id"), metadata(object), text(object, "latest_charge")))
          .orElseGet(() -> paymentFor(object)
              .flatMap(paymentId -> flow.moneyArrived(paymentId, text(object, "id"), text(object, "latest_charge"))));
      case "account.updated" -> accounts.update(new StripeGateway.AccountState(text(object, "id"),
              object.path("charges_enabled").asBoolean(false), object.path("payouts_enabled").asBoolean(false),
              object.path("details_submitted").asBoolean(false)), clock.instant())
          .then();
      default -> Mono.empty();
    };
  }

  /** Another feature's intent (CardIntents): its listener's key is in the metadata. */
  private java.util.Optional<PaymentIntentListener> listenerOf(JsonNode intent) {
    var metadata = intent.path("metadata");
    return listeners.stream().filter(listener -> text(metadata, listener.metadataKey()) != null).findFirst();
  }

  private static java.util.Map<String, String> metadata(JsonNode intent) {
    var metadata = new java.util.LinkedHashMap<String, String>();
    intent.path("metadata").properties().forEach(entry -> {
      if (entry.getValue().isString()) {
        metadata.put(entry.getKey(), entry.getValue().asString());
      }
    });
    return metadata;
  }

  /** Ours by the payment id in its metadata (the intent id may not be stored yet), else by intent id. */
  private Mono<UUID> paymentFor(JsonNode intent) {
    var paymentId = text(intent.path("metadata"), "payment_id");
    if (paymentId != null) {
      try {
        return payments.find(UUID.fromString(paymentId)).map(MilestonePayment::id);
      } catch (IllegalArgumentException notOurs) {
        return Mono.empty();
      }
    }
    var intentId = text(intent, "id");
    return intentId == null ? Mono.empty() : payments.byIntent(intentId).map(MilestonePayment::id);
  }

  private static JsonNode object(JsonNode event) {
    return event.path("data").path("object");
  }

  private static String text(JsonNode node, String field) {
    var value = node.path(field);
    return value.isString() ? value.asString() : null;
  }
}
