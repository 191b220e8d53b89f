package org.pingliang.techmarket.marketplace.voucher;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.payment.CardIntents;
import org.pingliang.techmarket.marketplace.payment.PaymentIntentListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The card part of orders through the payment feature's Stripe machinery. Creating the PaymentIntent
 * is a durable task in {@code order_card_payments} with the idempotency key {@code
 * pi:order:{orderId}:v1}: a worker leases it ({@code FOR UPDATE SKIP LOCKED} plus a lease time),
 * calls Stripe, and records the intent; a failure that may pass leaves it RETRYING after a doubling
 * backoff (1 s … 5 min), a refusal FAILED. A crash between Stripe's answer and the commit is repaired
 * by the retry with the same key. {@code payment_intent.succeeded} (metadata {@code order_id}) marks
 * the order PAID in the webhook's transaction.
 */
@Component
class CardPaymentWorker implements SmartLifecycle, PaymentIntentListener {

  private static final Logger log = LoggerFactory.getLogger(CardPaymentWorker.class);
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private final DatabaseClient database;
  private final CardIntents intents;
  private final CheckoutOrders orders;
  private final boolean enabled;
  private final Duration pollInterval;
  private final String name = "checkout-" + Ids.newId();
  private volatile Disposable loop;

  CardPaymentWorker(DatabaseClient database, CardIntents intents, CheckoutOrders orders,
      @Value("${techmarket.vouchers.card-worker.enabled:true}") boolean enabled,
      @Value("${techmarket.vouchers.card-worker.poll-interval:2s}") Duration pollInterval) {
    this.database = database;
    this.intents = intents;
    this.orders = orders;
    this.enabled = enabled;
    this.pollInterval = pollInterval;
  }

  /** Works this order's card task now if it is due and nobody holds it. */
  Mono<Void> runNow(UUID orderId) {
    return lease("AND order_id = :order", orderId, 1).next().flatMap(this::work);
  }

  /** One round over the due tasks. */
  Mono<Void> runDue() {
    return lease("AND next_attempt_at <= now()", null, 20).flatMap(this::work, 4).then();
  }

  private Flux<CardPayment> lease(String condition, UUID orderId, int limit) {
    var spec = database.sql("""
            UPDATE order_card_payments SET locked_by = :worker,
              locked_until = now() + :leaseMillis * interval '1 millisecond', attempts = attempts + 1, updated_at = now()
            WHERE order_id IN (SELECT order_id FROM order_card_payments
              WHERE status IN ('CREATING', 'RETRYING') AND (locked_until IS NULL OR locked_until < now()) %s
              ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
            RETURNING *""".formatted(condition))
        .bind("worker", name).bind("leaseMillis", LEASE.toMillis()).bind("limit", limit);
    if (orderId != null) {
      spec = spec.bind("order", orderId);
    }
    return spec.map(CardPayment::read).all();
  }

  private Mono<Void> work(CardPayment task) {
    return orders.find(task.orderId()).flatMap(order -> intents.create(task.amountFen(), task.currency(),
                "order:" + order.id(), order.description().isBlank() ? order.purpose() + " " + order.referenceId()
                    : order.description(),
                Map.of("order_id", order.id().toString(), "purpose", order.purpose(),
                    "reference_id", order.referenceId().toString()),
                task.idempotencyKey())
            .flatMap(intent -> recorded(task, intent)))
        .onErrorResume(error -> failed(task, error));
  }

  private Mono<Void> recorded(CardPayment task, CardIntents.Intent intent) {
    return database.sql("""
            UPDATE order_card_payments SET status = 'AWAITING_PAYMENT', payment_intent_id = :intent,
              client_secret = :secret, locked_by = NULL, locked_until = NULL, last_error = NULL, updated_at = now()
            WHERE order_id = :order AND locked_by = :worker AND status IN ('CREATING', 'RETRYING')""")
        .bind("intent", intent.id()).bind("secret", intent.clientSecret()).bind("order", task.orderId())
        .bind("worker", name)
        .fetch().rowsUpdated()
        .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : cancelledMeanwhile(task, intent));
  }

  /** The order was cancelled while Stripe created the intent: cancel it too (best effort). */
  private Mono<Void> cancelledMeanwhile(CardPayment task, CardIntents.Intent intent) {
    return database.sql("SELECT status FROM order_card_payments WHERE order_id = :order").bind("order", task.orderId())
        .map(row -> row.get("status", String.class)).one()
        .filter("CANCELLED"::equals)
        .flatMap(cancelled -> database.sql("""
                UPDATE order_card_payments SET payment_intent_id = :intent, locked_by = NULL, locked_until = NULL
                WHERE order_id = :order""")
            .bind("intent", intent.id()).bind("order", task.orderId()).fetch().rowsUpdated()
            .then(intents.cancel(intent.id(), "pi-cancel:order:" + task.orderId() + ":v1"))
            .onErrorResume(error -> {
              log.warn("could not cancel the PaymentIntent of cancelled order {}: {}", task.orderId(), error.toString());
              return Mono.empty();
            }));
  }

  private Mono<Void> failed(CardPayment task, Throwable error) {
    var retryable = !(error instanceof CardIntents.Failure failure) || failure.retryable();
    var reason = truncate(error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
    if (retryable) {
      var wait = backoff(task.attempts());
      log.warn("card payment of order {} failed (attempt {}), retrying in {}: {}", task.orderId(), task.attempts(),
          wait, reason);
    } else {
      log.error("card payment of order {} refused by Stripe, needs a person: {}", task.orderId(), reason);
    }
    return database.sql("""
            UPDATE order_card_payments SET status = :status, last_error = :error, locked_by = NULL, locked_until = NULL,
              next_attempt_at = now() + :waitMillis * interval '1 millisecond', updated_at = now()
            WHERE order_id = :order AND locked_by = :worker""")
        .bind("status", retryable ? "RETRYING" : "FAILED").bind("error", reason)
        .bind("waitMillis", backoff(task.attempts()).toMillis()).bind("order", task.orderId()).bind("worker", name)
        .fetch().rowsUpdated().then();
  }

  static Duration backoff(int attempts) {
    var shift = Math.min(Math.max(attempts - 1, 0), 20);
    var wait = FIRST_BACKOFF.multipliedBy(1L << shift);
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  // --- payment_intent.succeeded, inside the webhook's transaction

  @Override
  public String metadataKey() {
    return "order_id";
  }

  @Override
  public Mono<Void> succeeded(String paymentIntentId, Map<String, String> metadata, String chargeId) {
    UUID orderId;
    try {
      orderId = UUID.fromString(metadata.get("order_id"));
    } catch (IllegalArgumentException notOurs) {
      return Mono.empty();
    }
    return orders.lock(orderId)
        .flatMap(order -> database.sql("""
                UPDATE order_card_payments SET status = 'SUCCEEDED', payment_intent_id = :intent, charge_id = :charge,
                  locked_by = NULL, locked_until = NULL, updated_at = now()
                WHERE order_id = :order AND status <> 'SUCCEEDED' RETURNING amount_fen""")
            .bind("intent", paymentIntentId)
            .bind("charge", org.pingliang.techmarket.marketplace.listing.shared.Parameters.nullable(chargeId, String.class))
            .bind("order", orderId)
            .map(row -> row.get("amount_fen", Long.class)).one()
            .flatMap(amount -> {
              if (StoredOrder.OPEN.equals(order.status()) && amount == order.dueFen()) {
                return orders.paidLocked(order, "system:stripe").then();
              }
              log.error("card money for order {} arrived while it is {} (due {}, paid {}): refund it by hand",
                  orderId, order.status(), order.dueFen(), amount);
              return Mono.empty();
            }));
  }

  @Override
  public void start() {
    if (!enabled) {
      return;
    }
    loop = Flux.interval(pollInterval)
        .onBackpressureDrop()
        .concatMap(tick -> runDue().onErrorResume(error -> {
          log.warn("card payment worker round failed: {}", error.toString());
          return Mono.empty();
        }), 0)
        .subscribe();
  }

  @Override
  public void stop() {
    var running = loop;
    if (running != null) {
      running.dispose();
      loop = null;
    }
  }

  @Override
  public boolean isRunning() {
    return loop != null;
  }

  private static String truncate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500);
  }
}
