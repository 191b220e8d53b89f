package org.pingliang.techmarket.marketplace.payment;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Stripe work queue in PostgreSQL. A worker leases due tasks (FOR UPDATE SKIP LOCKED plus a lease
 * time, so two instances never work one task and a crashed worker's lease runs out); times come
 * from the database clock so instances with skewed clocks agree.
 */
@Component
class TaskStore {

  private final DatabaseClient database;

  TaskStore(DatabaseClient database) {
    this.database = database;
  }

  /** Queues a step of a payment unless it is queued already (one task per payment and step). */
  Mono<Void> enqueue(MilestonePayment payment, TaskKind kind, long amountFen) {
    return database.sql("""
            INSERT INTO payment_tasks (id, payment_id, kind, idempotency_key, amount_fen, status, next_attempt_at)
            VALUES (:id, :paymentId, :kind, :key, :amount, 'PENDING', now())
            ON CONFLICT (payment_id, kind) DO NOTHING""")
        .bind("id", Ids.newId())
        .bind("paymentId", payment.id())
        .bind("kind", kind.name())
        .bind("key", kind.idempotencyKey(payment.contractId(), payment.milestoneId()))
        .bind("amount", amountFen)
        .fetch().rowsUpdated().then();
  }

  /** Leases up to {@code limit} due tasks for {@code worker}, oldest due first. */
  Flux<PaymentTask> leaseDue(String worker, Duration lease, int limit) {
    return database.sql("""
            UPDATE payment_tasks SET locked_by = :worker, locked_until = now() + :leaseMillis * interval '1 millisecond',
              attempts = attempts + 1, updated_at = now(), version = version + 1
            WHERE id IN (SELECT id FROM payment_tasks
              WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= now()
                AND (locked_until IS NULL OR locked_until < now())
              ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
            RETURNING *""")
        .bind("worker", worker).bind("leaseMillis", lease.toMillis()).bind("limit", limit)
        .map(TaskStore::read).all();
  }

  /** Leases the pending task of this payment and step now, if nobody holds it; empty otherwise. */
  Mono<PaymentTask> leaseNow(UUID paymentId, TaskKind kind, String worker, Duration lease) {
    return database.sql("""
            UPDATE payment_tasks SET locked_by = :worker, locked_until = now() + :leaseMillis * interval '1 millisecond',
              attempts = attempts + 1, updated_at = now(), version = version + 1
            WHERE id = (SELECT id FROM payment_tasks WHERE payment_id = :paymentId AND kind = :kind
                AND status IN ('PENDING', 'RETRYING') AND (locked_until IS NULL OR locked_until < now())
              FOR UPDATE SKIP LOCKED)
            RETURNING *""")
        .bind("worker", worker).bind("leaseMillis", lease.toMillis())
        .bind("paymentId", paymentId).bind("kind", kind.name())
        .map(TaskStore::read).one();
  }

  /** Marks the task done with the Stripe object it produced; false when the lease was lost. */
  Mono<Boolean> done(PaymentTask task, String worker, String stripeObjectId) {
    return database.sql("""
            UPDATE payment_tasks SET status = 'DONE', stripe_object_id = :object, locked_by = NULL,
              locked_until = NULL, last_error = NULL, updated_at = now(), version = version + 1
            WHERE id = :id AND locked_by = :worker AND status IN ('PENDING', 'RETRYING')""")
        .bind("id", task.id()).bind("worker", worker).bind("object", stripeObjectId)
        .fetch().rowsUpdated().map(rows -> rows == 1);
  }

  /** Leaves the task RETRYING with the time of its next attempt and why the last one failed. */
  Mono<Void> retryLater(PaymentTask task, String worker, Duration wait, String error) {
    return database.sql("""
            UPDATE payment_tasks SET status = 'RETRYING', last_error = :error, locked_by = NULL, locked_until = NULL,
              next_attempt_at = now() + :waitMillis * interval '1 millisecond', updated_at = now(), version = version + 1
            WHERE id = :id AND locked_by = :worker""")
        .bind("id", task.id()).bind("worker", worker).bind("error", error).bind("waitMillis", wait.toMillis())
        .fetch().rowsUpdated().then();
  }

  /** Stripe refused the call for good: a person has to look (last_error says why). */
  Mono<Void> fail(PaymentTask task, String worker, String error) {
    return database.sql("""
            UPDATE payment_tasks SET status = 'FAILED', last_error = :error, locked_by = NULL, locked_until = NULL,
              updated_at = now(), version = version + 1
            WHERE id = :id AND locked_by = :worker""")
        .bind("id", task.id()).bind("worker", worker).bind("error", error)
        .fetch().rowsUpdated().then();
  }

  Flux<PaymentTask> ofPayment(UUID paymentId) {
    return database.sql("SELECT * FROM payment_tasks WHERE payment_id = :p ORDER BY created_at, kind")
        .bind("p", paymentId).map(TaskStore::read).all();
  }

  /** Whether every transfer of the payment is done. */
  Mono<Boolean> transfersDone(UUID paymentId) {
    return database.sql("""
            SELECT count(*) AS open FROM payment_tasks WHERE payment_id = :p
              AND kind IN ('TRANSFER_SELLER', 'TRANSFER_BROKER') AND status <> 'DONE'""")
        .bind("p", paymentId).map(row -> row.get("open", Long.class)).one().map(open -> open == 0);
  }

  private static PaymentTask read(Readable row) {
    return new PaymentTask(
        row.get("id", UUID.class),
        row.get("payment_id", UUID.class),
        TaskKind.valueOf(row.get("kind", String.class)),
        row.get("idempotency_key", String.class),
        row.get("amount_fen", Long.class),
        row.get("status", String.class),
        row.get("attempts", Integer.class),
        row.get("next_attempt_at", Instant.class),
        row.get("last_error", String.class),
        row.get("stripe_object_id", String.class));
  }
}
