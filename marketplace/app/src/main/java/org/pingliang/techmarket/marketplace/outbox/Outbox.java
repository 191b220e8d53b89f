package org.pingliang.techmarket.marketplace.outbox;

import reactor.core.publisher.Mono;

/**
 * Records domain events in the caller's database transaction; {@link OutboxRelay} later appends them
 * to their Redis Stream, exactly once per event and in version order per aggregate.
 */
public interface Outbox {

  /**
   * Appends an event inside the caller's reactive transaction ({@code TransactionalOperator} or
   * {@code @Transactional}): it becomes visible to the relay when, and only if, that transaction
   * commits. The relay is woken up right after the commit.
   *
   * <p>Errors (as error signals, so the caller's transaction rolls back): {@link IllegalStateException}
   * when no transaction is active, {@link IllegalArgumentException} for an aggregate type without a
   * stream, a Jackson exception for an unserialisable payload, and
   * {@link org.springframework.dao.DuplicateKeyException} when this version of the aggregate already
   * has an event (consumers are idempotent on aggregate id and version, so a second one would be lost).
   */
  Mono<Void> append(OutboxMessage message);
}
