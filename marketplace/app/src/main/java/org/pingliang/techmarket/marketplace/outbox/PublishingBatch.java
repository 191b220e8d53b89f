package org.pingliang.techmarket.marketplace.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One relay step, in one database transaction: take the relay lock, read the oldest unpublished
 * events, publish them one after another, stop at the first that fails, record what happened, commit.
 *
 * <p>Stopping at the first failure keeps the order: a later version of an aggregate is never
 * published before an earlier one that failed. Rows are not locked with {@code SKIP LOCKED}, which
 * would let a second relay skip a stuck event and overtake it; the advisory lock lets one relay at
 * a time work instead. If the transaction dies after a publish (crash, lost connection), the rows
 * stay unpublished and the next batch publishes them again, which the publish script turns into a
 * no-op for events already in the stream. A relay that hangs holding the lock loses it, and its
 * transaction, once its session idles past the batch's longest legitimate wait.
 */
@Component
class PublishingBatch {

  // Room for scheduling and GC pauses on top of the longest legitimate wait between two statements.
  private static final Duration IDLE_MARGIN = Duration.ofSeconds(5);

  private final OutboxEvents events;
  private final StreamPublisher publisher;
  private final TransactionalOperator transactions;
  private final OutboxMetrics metrics;
  private final int batchSize;
  private final Duration idleLimit;

  PublishingBatch(OutboxEvents events, StreamPublisher publisher, ReactiveTransactionManager transactionManager,
      OutboxMetrics metrics, OutboxProperties properties) {
    this.events = events;
    this.publisher = publisher;
    this.transactions = TransactionalOperator.create(transactionManager);
    this.metrics = metrics;
    this.batchSize = properties.batchSize();
    // The publishes of a whole batch run between two statements, so only a batch of timeouts may idle
    // this long; a shorter limit would kill slow but working batches over and over.
    this.idleLimit = properties.publishTimeout().multipliedBy(batchSize).plus(IDLE_MARGIN);
  }

  Mono<BatchOutcome> run() {
    return events.tryLockRelay(idleLimit)
        .flatMap(locked -> locked ? publishOldest() : Mono.just(BatchOutcome.BUSY))
        .as(transactions::transactional);
  }

  private Mono<BatchOutcome> publishOldest() {
    // Read the whole batch first: the connection cannot run the updates while a result is open.
    return events.unpublished(batchSize).collectList()
        .flatMap(pending -> Flux.fromIterable(pending)
            .concatMap(this::attempt)
            .takeUntil(Attempt::failed)
            .collectList()
            .flatMap(attempts -> record(attempts).thenReturn(outcome(pending.size(), attempts))));
  }

  private Mono<Attempt> attempt(PendingEvent event) {
    return publisher.publish(event)
        .doOnNext(publication -> metrics.published(event, publication))
        .map(publication -> new Attempt(event, null))
        .onErrorResume(error -> {
          metrics.failed(event);
          return Mono.just(new Attempt(event, error));
        });
  }

  private Mono<Void> record(List<Attempt> attempts) {
    var published = attempts.stream().filter(attempt -> !attempt.failed())
        .map(attempt -> attempt.event().sequence()).toList();
    var failure = attempts.stream().filter(Attempt::failed).findFirst()
        .map(attempt -> events.recordFailure(attempt.event().sequence(), attempt.error()))
        .orElse(Mono.empty());
    return events.markPublished(published).then(failure);
  }

  private BatchOutcome outcome(int read, List<Attempt> attempts) {
    var failure = attempts.stream().filter(Attempt::failed).map(Attempt::error).findFirst().orElse(null);
    return new BatchOutcome(false, failure == null && read == batchSize, failure);
  }

  private record Attempt(PendingEvent event, Throwable error) {
    boolean failed() {
      return error != null;
    }
  }
}
