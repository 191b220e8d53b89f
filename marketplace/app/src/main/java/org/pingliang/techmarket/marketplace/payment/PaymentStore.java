package org.pingliang.techmarket.marketplace.payment;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Parameters;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Milestone payments, acceptances, terminations and client idempotency keys in PostgreSQL. Status
 * changes are guarded by the expected current status, so a change that lost a race changes nothing.
 */
@Component
class PaymentStore {

  private final DatabaseClient database;

  PaymentStore(DatabaseClient database) {
    this.database = database;
  }

  /** Inserts the payment unless its milestone already has one; true when this call inserted it. */
  Mono<Boolean> insertIfAbsent(MilestonePayment payment) {
    var split = payment.split();
    return database.sql("""
            INSERT INTO milestone_payments (id, contract_id, milestone_id, buyer_organisation_id,
              seller_organisation_id, broker_organisation_id, amount_fen, currency, platform_fee_fen, commission_fen,
              seller_share_fen, platform_fee_bps, commission_bps, status, requested_by, created_at, updated_at, version)
            VALUES (:id, :contractId, :milestoneId, :buyer, :seller, :broker, :amount, :currency, :fee, :commission,
              :sellerShare, :feeBps, :commissionBps, :status, :requestedBy, :now, :now, 1)
            ON CONFLICT (contract_id, milestone_id) DO NOTHING""")
        .bind("id", payment.id())
        .bind("contractId", payment.contractId())
        .bind("milestoneId", payment.milestoneId())
        .bind("buyer", payment.buyerOrganisationId())
        .bind("seller", payment.sellerOrganisationId())
        .bind("broker", Parameters.nullable(payment.brokerOrganisationId(), UUID.class))
        .bind("amount", split.amountFen())
        .bind("currency", payment.currency())
        .bind("fee", split.platformFeeFen())
        .bind("commission", split.commissionFen())
        .bind("sellerShare", split.sellerShareFen())
        .bind("feeBps", payment.platformFeeBps())
        .bind("commissionBps", payment.commissionBps())
        .bind("status", payment.status().name())
        .bind("requestedBy", payment.requestedBy())
        .bind("now", payment.createdAt())
        .fetch().rowsUpdated()
        .map(rows -> rows == 1);
  }

  Mono<MilestonePayment> find(UUID id) {
    return database.sql("SELECT * FROM milestone_payments WHERE id = :id").bind("id", id).map(PaymentStore::read).one();
  }

  Mono<MilestonePayment> lock(UUID id) {
    return database.sql("SELECT * FROM milestone_payments WHERE id = :id FOR UPDATE")
        .bind("id", id).map(PaymentStore::read).one();
  }

  Mono<MilestonePayment> ofMilestone(UUID contractId, UUID milestoneId) {
    return database.sql("SELECT * FROM milestone_payments WHERE contract_id = :contractId AND milestone_id = :milestoneId")
        .bind("contractId", contractId).bind("milestoneId", milestoneId).map(PaymentStore::read).one();
  }

  Mono<MilestonePayment> byIntent(String paymentIntentId) {
    return database.sql("SELECT * FROM milestone_payments WHERE payment_intent_id = :pi")
        .bind("pi", paymentIntentId).map(PaymentStore::read).one();
  }

  /** The contract's payments, locked in a stable order so concurrent writers cannot deadlock. */
  Flux<MilestonePayment> lockOfContract(UUID contractId) {
    return database.sql("SELECT * FROM milestone_payments WHERE contract_id = :contractId ORDER BY id FOR UPDATE")
        .bind("contractId", contractId).map(PaymentStore::read).all();
  }

  Flux<MilestonePayment> ofContract(UUID contractId) {
    return database.sql("SELECT * FROM milestone_payments WHERE contract_id = :contractId ORDER BY created_at, id")
        .bind("contractId", contractId).map(PaymentStore::read).all();
  }

  /** Moves the payment to {@code to} when it is in one of {@code from}; empty when it was not. */
  Mono<MilestonePayment> move(UUID id, Collection<PaymentStatus> from, PaymentStatus to, Instant now) {
    return database.sql("""
            UPDATE milestone_payments SET status = :to, updated_at = :now, version = version + 1
            WHERE id = :id AND status = ANY(:from) RETURNING *""")
        .bind("id", id).bind("to", to.name()).bind("now", now)
        .bind("from", from.stream().map(Enum::name).toArray(String[]::new))
        .map(PaymentStore::read).one();
  }

  /** Records the PaymentIntent; a payment still CREATING becomes AWAITING_PAYMENT. */
  Mono<MilestonePayment> intentCreated(UUID id, String paymentIntentId, String clientSecret, Instant now) {
    return database.sql("""
            UPDATE milestone_payments SET payment_intent_id = :pi, client_secret = :secret, updated_at = :now,
              status = CASE WHEN status = 'CREATING' THEN 'AWAITING_PAYMENT' ELSE status END, version = version + 1
            WHERE id = :id RETURNING *""")
        .bind("id", id).bind("pi", paymentIntentId).bind("secret", clientSecret).bind("now", now)
        .map(PaymentStore::read).one();
  }

  /** The money is in: a payment waiting for it becomes FUNDED with its charge. */
  Mono<MilestonePayment> funded(UUID id, String paymentIntentId, String chargeId, Instant now) {
    return database.sql("""
            UPDATE milestone_payments SET status = 'FUNDED', payment_intent_id = :pi, charge_id = :charge,
              updated_at = :now, version = version + 1
            WHERE id = :id AND status IN ('CREATING', 'AWAITING_PAYMENT') RETURNING *""")
        .bind("id", id).bind("pi", paymentIntentId).bind("charge", chargeId).bind("now", now)
        .map(PaymentStore::read).one();
  }

  /** Records the charge of money that arrived after the payment was cancelled, so it can be refunded. */
  Mono<Void> lateCharge(UUID id, String paymentIntentId, String chargeId) {
    return database.sql("UPDATE milestone_payments SET payment_intent_id = :pi, charge_id = :charge WHERE id = :id")
        .bind("id", id).bind("pi", paymentIntentId).bind("charge", chargeId).fetch().rowsUpdated().then();
  }

  /** FUNDED and accepted: starts the release. Empty unless both hold now. */
  Mono<MilestonePayment> startReleaseIfAccepted(UUID id, Instant now) {
    return database.sql("""
            UPDATE milestone_payments p SET status = 'RELEASING', updated_at = :now, version = version + 1
            WHERE p.id = :id AND p.status = 'FUNDED' AND EXISTS (SELECT 1 FROM milestone_acceptances a
              WHERE a.contract_id = p.contract_id AND a.milestone_id = p.milestone_id) RETURNING *""")
        .bind("id", id).bind("now", now).map(PaymentStore::read).one();
  }

  /** Funded and accepted payments whose release has not started (a safety net for lost races). */
  Flux<UUID> readyToRelease(int limit) {
    return database.sql("""
            SELECT p.id FROM milestone_payments p JOIN milestone_acceptances a
              ON a.contract_id = p.contract_id AND a.milestone_id = p.milestone_id
            WHERE p.status = 'FUNDED' LIMIT :limit""")
        .bind("limit", limit).map(row -> row.get("id", UUID.class)).all();
  }

  Mono<Void> accept(UUID contractId, UUID milestoneId, Instant now) {
    return database.sql("""
            INSERT INTO milestone_acceptances (contract_id, milestone_id, accepted_at) VALUES (:c, :m, :now)
            ON CONFLICT DO NOTHING""")
        .bind("c", contractId).bind("m", milestoneId).bind("now", now).fetch().rowsUpdated().then();
  }

  Mono<Boolean> isAccepted(UUID contractId, UUID milestoneId) {
    return database.sql("SELECT 1 FROM milestone_acceptances WHERE contract_id = :c AND milestone_id = :m")
        .bind("c", contractId).bind("m", milestoneId).map(row -> true).one().hasElement();
  }

  Mono<Void> terminate(UUID contractId, Instant now) {
    return database.sql("INSERT INTO contract_terminations (contract_id, terminated_at) VALUES (:c, :now) ON CONFLICT DO NOTHING")
        .bind("c", contractId).bind("now", now).fetch().rowsUpdated().then();
  }

  Mono<Boolean> isTerminated(UUID contractId) {
    return database.sql("SELECT 1 FROM contract_terminations WHERE contract_id = :c")
        .bind("c", contractId).map(row -> true).one().hasElement();
  }

  /** Remembers a client's Idempotency-Key; the payment it already points at when it was used before. */
  Mono<UUID> rememberKey(String subject, String key, UUID paymentId) {
    return database.sql("""
            INSERT INTO payment_request_keys (subject, idempotency_key, payment_id) VALUES (:s, :k, :p)
            ON CONFLICT (subject, idempotency_key) DO UPDATE SET subject = EXCLUDED.subject
            RETURNING payment_id""")
        .bind("s", subject).bind("k", key).bind("p", paymentId)
        .map(row -> row.get("payment_id", UUID.class)).one();
  }

  private static MilestonePayment read(Readable row) {
    var split = new Split(row.get("amount_fen", Long.class), row.get("platform_fee_fen", Long.class),
        row.get("commission_fen", Long.class), row.get("seller_share_fen", Long.class));
    return new MilestonePayment(
        row.get("id", UUID.class),
        row.get("contract_id", UUID.class),
        row.get("milestone_id", UUID.class),
        row.get("buyer_organisation_id", UUID.class),
        row.get("seller_organisation_id", UUID.class),
        row.get("broker_organisation_id", UUID.class),
        row.get("currency", String.class),
        split,
        row.get("platform_fee_bps", Integer.class),
        row.get("commission_bps", Integer.class),
        PaymentStatus.valueOf(row.get("status", String.class)),
        row.get("payment_intent_id", String.class),
        row.get("client_secret", String.class),
        row.get("charge_id", String.class),
        row.get("requested_by", String.class),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class),
        row.get("version", Long.class));
  }
}
