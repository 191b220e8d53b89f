package org.pingliang.techmarket.marketplace.voucher;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.credit.TradingBans;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The buyer pays an order (结算): vouchers first ({@code voucher-redemptions}), then the rest by card
 * ({@code card-payments}, one PaymentIntent per order). Each request is one transaction with the
 * order row locked; an {@code Idempotency-Key} replays the first answer.
 */
@Component
class PayingOrders {

  private static final Duration FIRST_TRY = Duration.ofSeconds(15);

  private final DatabaseClient database;
  private final CheckoutOrders orders;
  private final CardPaymentWorker cards;
  private final VoucherAccess access;
  private final TradingBans bans;
  private final TransactionalOperator transaction;
  private final Clock clock;

  PayingOrders(DatabaseClient database, CheckoutOrders orders, CardPaymentWorker cards, VoucherAccess access,
      TradingBans bans, TransactionalOperator transaction, Clock clock) {
    this.database = database;
    this.orders = orders;
    this.cards = cards;
    this.access = access;
    this.bans = bans;
    this.transaction = transaction;
    this.clock = clock;
  }

  record Result(OrderView order, UUID redemptionId, boolean created) {}

  Mono<OrderView> view(Actor actor, UUID orderId) {
    return orders.find(orderId)
        .switchIfEmpty(Mono.error(VoucherProblems::notFound))
        .flatMap(order -> access.requireSees(actor, order.buyerOrganisationId(), order.providerOrganisationId())
            .then(access.actsFor(order.buyerOrganisationId(), actor))
            .flatMap(mayPay -> view(order, mayPay)));
  }

  /** Applies the voucher: {@code amountFen} null means as much as the voucher and the order allow. */
  Mono<Result> redeem(Actor actor, UUID orderId, UUID voucherId, Long amountFen, String key) {
    if (amountFen != null && amountFen <= 0) {
      return Mono.error(VoucherProblems.invalid("amount.amountFen", "positive"));
    }
    return validKey(key)
        .then(replayed(actor, key, orderId, "REDEEM"))
        .map(previous -> new Result(previous.order(), previous.resultId(), false))
        .switchIfEmpty(Mono.defer(() -> payableOrder(actor, orderId)
            .flatMap(order -> lockVoucher(voucherId, order)
                .flatMap(balance -> {
                  var amount = amountFen == null ? Math.min(balance, order.dueFen()) : amountFen;
                  if (amount > order.dueFen()) {
                    return Mono.error(VoucherProblems.conflict("voucher.more-than-due"));
                  }
                  if (amount <= 0 || amount > balance) {
                    return Mono.error(VoucherProblems.conflict("voucher.balance-insufficient"));
                  }
                  var redemption = Ids.newId();
                  return orders.redeemLocked(order, voucherId, redemption, amount, actor.subject())
                      .flatMap(updated -> remember(actor, key, orderId, "REDEEM", redemption))
                      .thenReturn(redemption);
                }))
            .as(transaction::transactional)
            .flatMap(redemption -> view(actor, orderId).map(view -> new Result(view, redemption, true)))));
  }

  /** Creates the PaymentIntent for what vouchers left (durable task, then tried at once). */
  Mono<Result> payByCard(Actor actor, UUID orderId, String key) {
    return validKey(key)
        .then(replayed(actor, key, orderId, "CARD"))
        .map(previous -> new Result(previous.order(), null, false))
        .switchIfEmpty(Mono.defer(() -> payableOrder(actor, orderId)
            .flatMap(order -> {
              if (order.dueFen() == 0) {
                return Mono.error(VoucherProblems.conflict("voucher.order-not-open", order.status()));
              }
              return database.sql("""
                      INSERT INTO order_card_payments (order_id, amount_fen, currency, idempotency_key, status,
                        requested_by, created_at, updated_at, next_attempt_at)
                      VALUES (:order, :amount, :currency, :key, 'CREATING', :by, :now, :now, :now)
                      ON CONFLICT (order_id) DO NOTHING""")
                  .bind("order", orderId).bind("amount", order.dueFen()).bind("currency", order.currency())
                  .bind("key", CardPayment.keyOf(orderId)).bind("by", actor.subject()).bind("now", clock.instant())
                  .fetch().rowsUpdated()
                  .flatMap(created -> remember(actor, key, orderId, "CARD", null).thenReturn(created == 1));
            })
            .as(transaction::transactional)
            .flatMap(created -> cards.runNow(orderId).timeout(FIRST_TRY, Mono.empty()).onErrorResume(e -> Mono.empty())
                .then(view(actor, orderId)).map(view -> new Result(view, null, created)))));
  }

  /**
   * Locks the order and checks the buyer may still pay into it: OWNER/EDITOR of the buyer, OPEN, no
   * card payment started (the card pays exactly what vouchers left), nobody banned.
   */
  private Mono<StoredOrder> payableOrder(Actor actor, UUID orderId) {
    return orders.lock(orderId)
        .switchIfEmpty(Mono.error(VoucherProblems::notFound))
        .flatMap(order -> access.requireActsFor(actor, order.buyerOrganisationId(), "voucher.not-buyer",
                order.providerOrganisationId())
            .then(Mono.defer(() -> StoredOrder.OPEN.equals(order.status()) ? Mono.<Void>empty()
                : Mono.error(VoucherProblems.conflict("voucher.order-not-open", order.status()))))
            .then(bans.requireOrganisationAllowed(order.buyerOrganisationId()))
            .then(bans.requireOrganisationAllowed(order.providerOrganisationId()))
            .then(card(orderId).map(card -> !"CANCELLED".equals(card.status())).defaultIfEmpty(false))
            .flatMap(started -> started
                ? Mono.error(VoucherProblems.conflict("voucher.card-payment-started")) : Mono.just(order)));
  }

  /** Locks the voucher; it must be the buyer's and unexpired. Answers its balance. */
  private Mono<Long> lockVoucher(UUID voucherId, StoredOrder order) {
    return database.sql("SELECT organisation_id, balance_fen, expires_at FROM vouchers WHERE id = :id FOR UPDATE")
        .bind("id", voucherId)
        .map(row -> new Object[] {row.get("organisation_id", UUID.class), row.get("balance_fen", Long.class),
            row.get("expires_at", java.time.Instant.class)})
        .one()
        .switchIfEmpty(Mono.error(VoucherProblems::notFound))
        .flatMap(voucher -> {
          if (!order.buyerOrganisationId().equals(voucher[0])) {
            return Mono.error(VoucherProblems.notFound());
          }
          if (!((java.time.Instant) voucher[2]).isAfter(clock.instant())) {
            return Mono.error(VoucherProblems.conflict("voucher.expired"));
          }
          return Mono.just((Long) voucher[1]);
        });
  }

  private Mono<CardPayment> card(UUID orderId) {
    return database.sql("SELECT * FROM order_card_payments WHERE order_id = :id").bind("id", orderId)
        .map(CardPayment::read).one();
  }

  Mono<OrderView> view(StoredOrder order, boolean mayPay) {
    return database.sql("SELECT * FROM voucher_redemptions WHERE order_id = :id ORDER BY created_at, id")
        .bind("id", order.id())
        .map(row -> new OrderView.Redemption(row.get("id", UUID.class), row.get("voucher_id", UUID.class),
            new Money(row.get("amount_fen", Long.class), order.currency()), row.get("status", String.class),
            row.get("created_at", java.time.Instant.class)))
        .all().collectList()
        .zipWith(card(order.id()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
        .map(both -> OrderView.of(order, both.getT1(), both.getT2().orElse(null), mayPay));
  }

  private record Previous(OrderView order, UUID resultId) {}

  private Mono<Previous> replayed(Actor actor, String key, UUID orderId, String action) {
    if (key == null) {
      return Mono.empty();
    }
    return database.sql("""
            SELECT order_id, action, result_id FROM checkout_request_keys WHERE subject = :subject AND idempotency_key = :key""")
        .bind("subject", actor.subject()).bind("key", key)
        .map(row -> new Object[] {row.get("order_id", UUID.class), row.get("action", String.class),
            row.get("result_id", UUID.class)})
        .one()
        .flatMap(found -> orderId.equals(found[0]) && action.equals(found[1])
            ? view(actor, orderId).map(view -> new Previous(view, (UUID) found[2]))
            : Mono.error(VoucherProblems.keyReused()));
  }

  private Mono<Void> remember(Actor actor, String key, UUID orderId, String action, UUID resultId) {
    if (key == null) {
      return Mono.empty();
    }
    return database.sql("""
            INSERT INTO checkout_request_keys (subject, idempotency_key, order_id, action, result_id)
            VALUES (:subject, :key, :order, :action, :result)""")
        .bind("subject", actor.subject()).bind("key", key).bind("order", orderId).bind("action", action)
        .bind("result", org.pingliang.techmarket.marketplace.listing.shared.Parameters.nullable(resultId, UUID.class))
        .fetch().rowsUpdated()
        .onErrorMap(org.springframework.dao.DuplicateKeyException.class, e -> VoucherProblems.keyReused())
        .then();
  }

  private static Mono<Void> validKey(String key) {
    return key != null && (key.isBlank() || key.length() > 255)
        ? Mono.error(VoucherProblems.invalid("Idempotency-Key", "size")) : Mono.empty();
  }
}
