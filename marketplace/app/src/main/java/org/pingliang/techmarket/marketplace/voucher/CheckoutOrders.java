package org.pingliang.techmarket.marketplace.voucher;

import java.time.Clock;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.checkout.Checkout;
import org.pingliang.techmarket.marketplace.checkout.CheckoutHooks;
import org.pingliang.techmarket.marketplace.credit.TradingBans;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link Checkout} and the state changes of an order, each inside the caller's transaction with the
 * order row locked first: opened, a voucher part redeemed or returned, paid (the voucher part moves
 * to the provider's payable and the selling feature's {@link CheckoutHooks} hears of it), cancelled.
 * Purpose-agnostic: any feature with a {@code CheckoutHooks} bean may sell through it.
 */
@Component
class CheckoutOrders implements Checkout {

  private static final Logger log = LoggerFactory.getLogger(CheckoutOrders.class);

  private final DatabaseClient database;
  private final VoucherLedger ledger;
  private final TradingBans bans;
  private final ObjectProvider<CheckoutHooks> hooks;
  private final Clock clock;

  CheckoutOrders(DatabaseClient database, VoucherLedger ledger, TradingBans bans, ObjectProvider<CheckoutHooks> hooks,
      Clock clock) {
    this.database = database;
    this.ledger = ledger;
    this.bans = bans;
    this.hooks = hooks;
    this.clock = clock;
  }

  @Override
  public Mono<Order> open(OrderRequest request) {
    if (request.amount() == null || request.amount().amountFen() <= 0 || !Money.CNY.equals(request.amount().currency())
        || request.purpose() == null || !request.purpose().matches("[A-Z_]{1,40}") || request.referenceId() == null
        || request.buyerOrganisationId() == null || request.providerOrganisationId() == null) {
      return Mono.error(new IllegalArgumentException("incomplete order request " + request));
    }
    if (request.buyerOrganisationId().equals(request.providerOrganisationId())) {
      return Mono.error(VoucherProblems.conflict("voucher.order-own-organisation"));
    }
    var now = clock.instant();
    return bans.requireOrganisationAllowed(request.buyerOrganisationId())
        .then(bans.requireOrganisationAllowed(request.providerOrganisationId()))
        .then(database.sql("""
                INSERT INTO checkout_orders (id, purpose, reference_id, buyer_organisation_id, provider_organisation_id,
                  amount_fen, currency, description, status, requested_by, created_at, updated_at)
                VALUES (:id, :purpose, :reference, :buyer, :provider, :amount, :currency, :description, 'OPEN',
                  :requestedBy, :now, :now)
                ON CONFLICT (purpose, reference_id) DO NOTHING""")
            .bind("id", Ids.newId()).bind("purpose", request.purpose()).bind("reference", request.referenceId())
            .bind("buyer", request.buyerOrganisationId()).bind("provider", request.providerOrganisationId())
            .bind("amount", request.amount().amountFen()).bind("currency", request.amount().currency())
            .bind("description", request.description() == null ? "" : request.description())
            .bind("requestedBy", request.requestedBy() == null ? "system" : request.requestedBy()).bind("now", now)
            .fetch().rowsUpdated())
        .then(byReference(request.purpose(), request.referenceId()))
        .map(CheckoutOrders::toOrder);
  }

  @Override
  public Mono<Void> cancel(String purpose, UUID referenceId, String reason) {
    return byReference(purpose, referenceId)
        .flatMap(order -> lock(order.id()))
        .flatMap(order -> switch (order.status()) {
          case StoredOrder.OPEN -> cancelLocked(order, reason, "system:checkout");
          case StoredOrder.PAID -> Mono.error(VoucherProblems.conflict("voucher.order-not-open", order.status()));
          default -> Mono.empty();
        });
  }

  Mono<StoredOrder> find(UUID orderId) {
    return database.sql("SELECT * FROM checkout_orders WHERE id = :id").bind("id", orderId)
        .map(StoredOrder::read).one();
  }

  Mono<StoredOrder> lock(UUID orderId) {
    return database.sql("SELECT * FROM checkout_orders WHERE id = :id FOR UPDATE").bind("id", orderId)
        .map(StoredOrder::read).one();
  }

  private Mono<StoredOrder> byReference(String purpose, UUID referenceId) {
    return database.sql("SELECT * FROM checkout_orders WHERE purpose = :purpose AND reference_id = :reference")
        .bind("purpose", purpose).bind("reference", referenceId).map(StoredOrder::read).one();
  }

  /**
   * Moves {@code amountFen} of the voucher into the locked OPEN order. The voucher's balance is taken
   * with a conditional UPDATE (balance ≥ amount), so two redemptions can never spend one fen twice.
   * Answers the order after the change (PAID when nothing is left to pay).
   */
  Mono<StoredOrder> redeemLocked(StoredOrder order, UUID voucherId, UUID redemptionId, long amountFen, String by) {
    var now = clock.instant();
    return database.sql("""
            UPDATE vouchers SET balance_fen = balance_fen - :amount, updated_at = :now, version = version + 1
            WHERE id = :voucher AND balance_fen >= :amount AND expires_at > :now""")
        .bind("amount", amountFen).bind("voucher", voucherId).bind("now", now)
        .fetch().rowsUpdated()
        .flatMap(rows -> rows == 1 ? Mono.<Void>empty()
            : Mono.error(VoucherProblems.conflict("voucher.balance-insufficient")))
        .then(database.sql("""
                INSERT INTO voucher_redemptions (id, order_id, voucher_id, amount_fen, status, redeemed_by, created_at)
                VALUES (:id, :order, :voucher, :amount, 'APPLIED', :by, :now)""")
            .bind("id", redemptionId).bind("order", order.id()).bind("voucher", voucherId).bind("amount", amountFen)
            .bind("by", by).bind("now", now).fetch().rowsUpdated())
        .then(database.sql("""
                UPDATE checkout_orders SET voucher_fen = voucher_fen + :amount, updated_at = :now, version = version + 1
                WHERE id = :id AND status = 'OPEN' AND voucher_fen + :amount <= amount_fen RETURNING *""")
            .bind("amount", amountFen).bind("id", order.id()).bind("now", now).map(StoredOrder::read).one()
            .switchIfEmpty(Mono.error(() -> VoucherProblems.conflict("voucher.more-than-due"))))
        .flatMap(updated -> ledger.move("REDEEM", redemptionId, by, amountFen, VoucherLedger.VOUCHER, voucherId,
                VoucherLedger.ORDER, order.id())
            .then(updated.dueFen() == 0 ? paidLocked(updated, by) : Mono.just(updated)));
  }

  /**
   * The locked order is fully paid: its voucher part becomes the provider's payable (ledger SETTLE),
   * and the selling feature's hooks hear of it in this transaction. A second call changes nothing.
   */
  Mono<StoredOrder> paidLocked(StoredOrder order, String by) {
    var now = clock.instant();
    return database.sql("""
            UPDATE checkout_orders SET status = 'PAID', paid_at = :now, updated_at = :now, version = version + 1
            WHERE id = :id AND status = 'OPEN' RETURNING *""")
        .bind("id", order.id()).bind("now", now).map(StoredOrder::read).one()
        .flatMap(paid -> (paid.voucherFen() > 0
                ? ledger.move("SETTLE", paid.id(), by, paid.voucherFen(), VoucherLedger.ORDER, paid.id(),
                    VoucherLedger.PAYABLE, paid.providerOrganisationId())
                : Mono.<Void>empty())
            .then(hooksOf(paid.purpose()).concatMap(hook -> hook.paid(paid.referenceId(), paid.id())).then())
            .thenReturn(paid))
        .switchIfEmpty(Mono.defer(() -> find(order.id())));
  }

  /** Cancels the locked OPEN order: every voucher part goes back to its voucher (ledger RETURN). */
  Mono<Void> cancelLocked(StoredOrder order, String reason, String by) {
    var now = clock.instant();
    return database.sql("""
            UPDATE voucher_redemptions SET status = 'RETURNED', returned_at = :now
            WHERE order_id = :order AND status = 'APPLIED' RETURNING id, voucher_id, amount_fen""")
        .bind("order", order.id()).bind("now", now)
        .map(row -> new Returned(row.get("id", UUID.class), row.get("voucher_id", UUID.class),
            row.get("amount_fen", Long.class)))
        .all()
        .concatMap(returned -> database.sql("""
                UPDATE vouchers SET balance_fen = balance_fen + :amount, updated_at = :now, version = version + 1
                WHERE id = :voucher""")
            .bind("amount", returned.amountFen()).bind("voucher", returned.voucherId()).bind("now", now)
            .fetch().rowsUpdated()
            .then(ledger.move("RETURN", returned.id(), by, returned.amountFen(), VoucherLedger.ORDER, order.id(),
                VoucherLedger.VOUCHER, returned.voucherId())))
        .then(database.sql("""
                UPDATE checkout_orders SET status = 'CANCELLED', voucher_fen = 0, cancelled_at = :now,
                  cancel_reason = :reason, updated_at = :now, version = version + 1
                WHERE id = :id AND status = 'OPEN'""")
            .bind("id", order.id()).bind("now", now).bind("reason", reason == null ? "" : reason)
            .fetch().rowsUpdated())
        .then(database.sql("""
                UPDATE order_card_payments SET status = 'CANCELLED', updated_at = :now
                WHERE order_id = :id AND status IN ('CREATING', 'RETRYING', 'AWAITING_PAYMENT', 'FAILED')""")
            .bind("id", order.id()).bind("now", now).fetch().rowsUpdated())
        .then(hooksOf(order.purpose()).concatMap(hook -> hook.cancelled(order.referenceId(), order.id())).then());
  }

  private record Returned(UUID id, UUID voucherId, long amountFen) {}

  private Flux<CheckoutHooks> hooksOf(String purpose) {
    var matching = hooks.orderedStream().filter(hook -> purpose.equals(hook.purpose())).toList();
    if (matching.isEmpty()) {
      log.warn("no CheckoutHooks bean for purpose {}: the selling feature will not hear of its order", purpose);
    }
    return Flux.fromIterable(matching);
  }

  static Order toOrder(StoredOrder order) {
    return new Order(order.id(), order.purpose(), order.referenceId(), order.status(),
        new Money(order.amountFen(), order.currency()));
  }
}
