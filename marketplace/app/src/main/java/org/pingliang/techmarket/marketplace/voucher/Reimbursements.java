package org.pingliang.techmarket.marketplace.voucher;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 兑付: a provider claims from the bureau the voucher part of its delivered orders — PAID orders whose
 * selling feature reported the engagement finished (a confirmed service, a used booking: a row in
 * credit's engagements with the order's purpose and reference). An order is in at most one live claim;
 * claims of one provider are serialised by locking its provider row. Approval moves the amount in the
 * ledger from PROVIDER_PAYABLE to REIMBURSED; rejection frees the orders for a later claim.
 */
@Component
class Reimbursements {

  private final DatabaseClient database;
  private final VoucherAccess access;
  private final VoucherLedger ledger;
  private final TransactionalOperator transaction;
  private final Clock clock;

  Reimbursements(DatabaseClient database, VoucherAccess access, VoucherLedger ledger,
      TransactionalOperator transaction, Clock clock) {
    this.database = database;
    this.access = access;
    this.ledger = ledger;
    this.transaction = transaction;
    this.clock = clock;
  }

  record Claim(UUID id, UUID providerOrganisationId, Money amount, String status, List<UUID> orderIds,
      String rejectionReason, Instant createdAt, Instant decidedAt, long version) {

    Claim withOrders(List<UUID> orders) {
      return new Claim(id, providerOrganisationId, amount, status, List.copyOf(orders), rejectionReason, createdAt,
          decidedAt, version);
    }
  }

  Mono<Claim> claim(Actor actor, UUID providerId) {
    return database.sql("SELECT organisation_id FROM voucher_providers WHERE organisation_id = :id FOR UPDATE")
        .bind("id", providerId).map(row -> row.get("organisation_id", UUID.class)).one()
        .switchIfEmpty(Mono.error(() -> VoucherProblems.conflict("voucher.not-a-provider")))
        .flatMap(provider -> access.requireActsFor(actor, providerId, "voucher.not-provider-member"))
        .thenMany(database.sql("""
                SELECT o.id, o.voucher_fen FROM checkout_orders o
                WHERE o.provider_organisation_id = :provider AND o.status = 'PAID' AND o.voucher_fen > 0
                  AND EXISTS (SELECT 1 FROM credit_engagements e WHERE e.kind = o.purpose AND e.reference_id = o.reference_id)
                  AND NOT EXISTS (SELECT 1 FROM reimbursement_claim_orders c WHERE c.order_id = o.id AND c.live)
                ORDER BY o.id FOR UPDATE OF o""")
            .bind("provider", providerId)
            .map(row -> new Claimed(row.get("id", UUID.class), row.get("voucher_fen", Long.class))).all())
        .collectList()
        .flatMap(orders -> {
          if (orders.isEmpty()) {
            return Mono.error(VoucherProblems.conflict("voucher.nothing-to-claim"));
          }
          var id = Ids.newId();
          var now = clock.instant();
          var total = orders.stream().mapToLong(Claimed::amountFen).sum();
          return database.sql("""
                  INSERT INTO reimbursement_claims (id, provider_organisation_id, amount_fen, status, claimed_by, created_at, updated_at)
                  VALUES (:id, :provider, :amount, 'SUBMITTED', :by, :now, :now)""")
              .bind("id", id).bind("provider", providerId).bind("amount", total).bind("by", actor.subject())
              .bind("now", now).fetch().rowsUpdated()
              .thenMany(Flux.fromIterable(orders).concatMap(order -> database.sql("""
                      INSERT INTO reimbursement_claim_orders (claim_id, order_id, amount_fen) VALUES (:claim, :order, :amount)""")
                  .bind("claim", id).bind("order", order.orderId()).bind("amount", order.amountFen())
                  .fetch().rowsUpdated()))
              .then(find(id));
        })
        .as(transaction::transactional);
  }

  private record Claimed(UUID orderId, long amountFen) {}

  Mono<Claim> approve(Actor actor, UUID id) {
    return lock(id)
        .flatMap(claim -> decide(claim, "APPROVED", null, actor)
            .then(ledger.move("REIMBURSE", id, actor.subject(), claim.amount().amountFen(), VoucherLedger.PAYABLE,
                claim.providerOrganisationId(), VoucherLedger.REIMBURSED, claim.providerOrganisationId())))
        .then(find(id))
        .as(transaction::transactional);
  }

  Mono<Claim> reject(Actor actor, UUID id, String reason) {
    return lock(id)
        .flatMap(claim -> decide(claim, "REJECTED", reason, actor)
            .then(database.sql("UPDATE reimbursement_claim_orders SET live = false WHERE claim_id = :id")
                .bind("id", id).fetch().rowsUpdated()))
        .then(find(id))
        .as(transaction::transactional);
  }

  private Mono<Void> decide(Claim claim, String status, String reason, Actor actor) {
    if (!"SUBMITTED".equals(claim.status())) {
      return Mono.error(VoucherProblems.conflict("voucher.claim-decided", claim.status()));
    }
    return database.sql("""
            UPDATE reimbursement_claims SET status = :status, rejection_reason = :reason, decided_by = :by,
              decided_at = :now, updated_at = :now, version = version + 1 WHERE id = :id""")
        .bind("status", status)
        .bind("reason", org.pingliang.techmarket.marketplace.listing.shared.Parameters.nullable(reason, String.class))
        .bind("by", actor.subject()).bind("now", clock.instant()).bind("id", claim.id())
        .fetch().rowsUpdated().then();
  }

  private Mono<Claim> lock(UUID id) {
    return database.sql("SELECT id FROM reimbursement_claims WHERE id = :id FOR UPDATE").bind("id", id)
        .map(row -> row.get("id", UUID.class)).one()
        .switchIfEmpty(Mono.error(VoucherProblems::notFound))
        .then(find(id));
  }

  Mono<Claim> view(Actor actor, UUID id) {
    return find(id).switchIfEmpty(Mono.error(VoucherProblems::notFound))
        .flatMap(claim -> access.requireSees(actor, claim.providerOrganisationId()).thenReturn(claim));
  }

  /** A provider's claims (its members, ADMIN), or every claim (ADMIN), optionally of one status. */
  Flux<Claim> list(Actor actor, UUID providerId, String status) {
    var where = new StringBuilder(" WHERE true");
    if (providerId != null) {
      where.append(" AND provider_organisation_id = :provider");
    }
    if (status != null) {
      where.append(" AND status = :status");
    }
    Mono<Void> allowed = providerId == null
        ? (actor.isAdmin() ? Mono.empty() : Mono.error(VoucherProblems.forbidden("voucher.not-bureau")))
        : access.requireSees(actor, providerId);
    var spec = database.sql("SELECT id FROM reimbursement_claims" + where + " ORDER BY id DESC LIMIT 200");
    if (providerId != null) {
      spec = spec.bind("provider", providerId);
    }
    if (status != null) {
      spec = spec.bind("status", status);
    }
    var query = spec.map(row -> row.get("id", UUID.class)).all();
    return allowed.thenMany(query).concatMap(this::find);
  }

  private Mono<Claim> find(UUID id) {
    return database.sql("SELECT * FROM reimbursement_claims WHERE id = :id").bind("id", id).map(Reimbursements::read)
        .one()
        .zipWith(database.sql("SELECT order_id FROM reimbursement_claim_orders WHERE claim_id = :id ORDER BY order_id")
            .bind("id", id).map(row -> row.get("order_id", UUID.class)).all().collectList())
        .map(both -> both.getT1().withOrders(both.getT2()));
  }

  private static Claim read(Readable row) {
    return new Claim(row.get("id", UUID.class), row.get("provider_organisation_id", UUID.class),
        Money.cny(row.get("amount_fen", Long.class)), row.get("status", String.class), List.of(),
        row.get("rejection_reason", String.class), row.get("created_at", Instant.class),
        row.get("decided_at", Instant.class), row.get("version", Long.class));
  }
}
