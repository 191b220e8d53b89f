package org.pingliang.techmarket.marketplace.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The outbox as a PostgreSQL table written in the caller's R2DBC transaction. */
@Component
class PostgresOutbox implements Outbox {

  private final OutboxEvents events;
  private final JsonMapper json;
  private final RelayWakeUps wakeUps;

  PostgresOutbox(OutboxEvents events, JsonMapper json, RelayWakeUps wakeUps) {
    this.events = events;
    this.json = json;
    this.wakeUps = wakeUps;
  }

  @Override
  public Mono<Void> append(OutboxMessage message) {
    return Mono.defer(() -> {
      var stream = AggregateStreams.streamFor(message.aggregateType());
      var payload = json.writeValueAsString(message.payload());
      // PostgreSQL keeps microseconds; truncating here makes the stream carry the stored instant.
      var occurredAt = (message.occurredAt() == null ? Instant.now() : message.occurredAt())
          .truncatedTo(ChronoUnit.MICROS);
      return wakeRelayAfterCommit().then(events.insert(EventIds.next(), stream, message, payload, occurredAt));
    });
  }

  /**
   * Joins the caller's transaction, refusing to run without one: an event committed on its own
   * could describe a change that then rolls back, which is exactly what an outbox exists to prevent.
   */
  private Mono<Void> wakeRelayAfterCommit() {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .onErrorMap(NoTransactionException.class, PostgresOutbox::notInTransaction)
        .flatMap(transaction -> {
          if (!transaction.isSynchronizationActive() || !transaction.isActualTransactionActive()) {
            return Mono.error(notInTransaction(null));
          }
          transaction.registerSynchronization(new TransactionSynchronization() {
            @Override
            public Mono<Void> afterCommit() {
              return Mono.fromRunnable(wakeUps::signal);
            }
          });
          return Mono.empty();
        });
  }

  private static IllegalStateException notInTransaction(Throwable cause) {
    return new IllegalStateException(
        "Outbox.append must run inside the caller's transaction (TransactionalOperator or @Transactional)", cause);
  }
}
