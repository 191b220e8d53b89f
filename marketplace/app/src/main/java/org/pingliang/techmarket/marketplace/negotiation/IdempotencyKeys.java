package org.pingliang.techmarket.marketplace.negotiation;

import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.FieldError;
import org.pingliang.techmarket.marketplace.problem.ProblemType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code Idempotency-Key} of offer and acceptance POSTs, per caller: the key is stored in the same
 * transaction as what it created, so a replay finds the first result and changes nothing. The same
 * key for a different operation or room is refused (422).
 */
@Component
class IdempotencyKeys {

  static final int MAX_LENGTH = 200;

  private final DatabaseClient database;

  IdempotencyKeys(DatabaseClient database) {
    this.database = database;
  }

  /** The result of an earlier request with this key, or empty when the key is new (or absent). */
  Mono<UUID> earlier(String subject, String key, String operation, UUID target) {
    if (key == null) {
      return Mono.empty();
    }
    if (key.isBlank() || key.length() > MAX_LENGTH) {
      return Mono.error(invalid("size"));
    }
    return database.sql("SELECT operation, target_id, result_id FROM negotiation_idempotency_keys"
            + " WHERE subject = :subject AND idempotency_key = :key")
        .bind("subject", subject).bind("key", key)
        .map(row -> new Object[] {row.get("operation", String.class), row.get("target_id", UUID.class),
            row.get("result_id", UUID.class)})
        .one()
        .flatMap(found -> operation.equals(found[0]) && target.equals(found[1])
            ? Mono.just((UUID) found[2]) : Mono.error(invalid("idempotency-key-reused")));
  }

  /** Stores the key with its result, inside the caller's transaction; a concurrent twin fails with 409. */
  Mono<Void> remember(String subject, String key, String operation, UUID target, UUID result) {
    if (key == null) {
      return Mono.empty();
    }
    return database.sql("""
            INSERT INTO negotiation_idempotency_keys (subject, idempotency_key, operation, target_id, result_id)
            VALUES (:subject, :key, :operation, :target, :result)""")
        .bind("subject", subject).bind("key", key).bind("operation", operation).bind("target", target)
        .bind("result", result)
        .then();
  }

  private static ApiProblem invalid(String code) {
    return new ApiProblem(ProblemType.VALIDATION_FAILED,
        List.of(new FieldError("Idempotency-Key", code, "problem.field." + code)), "problem.validation-failed.detail");
  }
}
