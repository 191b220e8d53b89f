package org.pingliang.techmarket.marketplace.outbox;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Moves committed outbox events to their Redis Streams, exactly once per event and in order per
 * aggregate, with any number of app instances and crashes at any point.
 *
 * <ul>
 *   <li><b>Exactly once into the stream.</b> Each {@link PublishingBatch} marks rows published in the
 *       transaction that read them. A crash before the publish leaves the rows for the next run; a
 *       crash after the publish but before the commit makes the next run publish them again, which
 *       the publish script ignores for events whose dedupe key exists (set atomically with the
 *       {@code XADD}). The guarantee holds while dedupe keys live ({@code dedupe-ttl}) and while Redis
 *       keeps what it acknowledged (AOF; with replicas, an unreplicated write can be lost on failover).
 *   <li><b>Order per aggregate.</b> Versions of an aggregate are committed one after another, so their
 *       sequence numbers follow their versions; a batch publishes in sequence order and stops at the
 *       first failure, so nothing overtakes an unpublished event. This holds even across relays:
 *       each only publishes an event after finding every older unpublished one in the stream.
 *   <li><b>Several instances.</b> A transaction-scoped advisory lock lets one relay work at a time;
 *       the others find it taken and try again at their next tick. A dead relay's lock goes with its
 *       connection; a frozen or cut-off one's when PostgreSQL ends its idle session (see
 *       {@link PublishingBatch}).
 *   <li><b>Outages.</b> A failed batch is retried after the poll interval, doubling up to
 *       {@code max-backoff}; each failure is recorded on the row ({@code attempts}, {@code last_error}).
 *       Redis or PostgreSQL coming back needs nothing but the next retry.
 * </ul>
 *
 * <p>It runs on commits of this instance ({@link RelayWakeUps}) and every {@code poll-interval} for
 * commits of other instances, and drains full batches back to back. Nothing here blocks a thread.
 */
@Component
class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  static final Duration BACKLOG_REFRESH = Duration.ofSeconds(2);

  private final PublishingBatch batch;
  private final OutboxEvents events;
  private final RelayWakeUps wakeUps;
  private final OutboxMetrics metrics;
  private final OutboxProperties properties;
  private final Backoff backoff;

  private Disposable loop;
  private Sinks.One<Boolean> stopping;
  private Runnable whenStopped;
  private volatile boolean running;

  OutboxRelay(PublishingBatch batch, OutboxEvents events, RelayWakeUps wakeUps, OutboxMetrics metrics,
      OutboxProperties properties) {
    this.batch = batch;
    this.events = events;
    this.wakeUps = wakeUps;
    this.metrics = metrics;
    this.properties = properties;
    this.backoff = new Backoff(properties.pollInterval(), properties.maxBackoff(), System::nanoTime);
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    var stop = Sinks.<Boolean>one();
    var relaying = Flux.merge(Flux.interval(Duration.ZERO, properties.pollInterval()), wakeUps.signals())
        .takeUntilOther(stop.asMono())
        // Ticks that arrive during a batch collapse into one more run after it.
        .onBackpressureLatest()
        // Off the committing caller's thread: a wake-up must not run a batch inside its commit.
        .publishOn(Schedulers.parallel(), 1)
        .concatMap(tick -> drain(), 1);
    var measuring = Flux.interval(Duration.ZERO, BACKLOG_REFRESH)
        .takeUntilOther(stop.asMono())
        .onBackpressureDrop()
        .concatMap(tick -> refreshBacklog(), 1);
    stopping = stop;
    running = true;
    loop = Flux.merge(relaying, measuring).doFinally(signal -> stopped()).subscribe();
  }

  /** Lets the running batch finish, then stops; used by Spring at shutdown. */
  @Override
  public void stop(Runnable callback) {
    synchronized (this) {
      if (running) {
        whenStopped = callback;
        stopping.tryEmitValue(Boolean.TRUE);
        return;
      }
    }
    callback.run();
  }

  /**
   * Abandons the relay at once, as a crash would: the running batch is cancelled and its transaction
   * rolled back, so its events are published again by the next relay.
   */
  @Override
  public synchronized void stop() {
    if (loop != null) {
      loop.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public boolean isAutoStartup() {
    return properties.enabled();
  }

  /** After the web server (stopped first): events appended by the last requests still go out. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  private Mono<Void> drain() {
    if (!backoff.ready()) {
      return Mono.empty();
    }
    return batch.run()
        .onErrorResume(error -> Mono.just(BatchOutcome.failed(error)))
        .flatMap(outcome -> {
          track(outcome);
          return outcome.full() ? drain() : Mono.<Void>empty();
        });
  }

  private void track(BatchOutcome outcome) {
    if (outcome.failed()) {
      var failures = backoff.failed();
      if (failures == 1) {
        log.warn("outbox relay cannot publish, retrying up to every {}: {}", properties.maxBackoff(),
            outcome.failure().toString());
      } else {
        log.debug("outbox relay still cannot publish ({} failures in a row): {}", failures, outcome.failure().toString());
      }
    } else if (!outcome.busy()) {
      var ended = backoff.succeeded();
      if (ended > 0) {
        log.info("outbox relay publishes again after {} failed batches", ended);
      }
    }
  }

  private Mono<Void> refreshBacklog() {
    return events.backlog()
        .doOnNext(metrics::backlog)
        .onErrorResume(error -> {
          log.debug("outbox backlog not measured: {}", error.toString());
          return Mono.empty();
        })
        .then();
  }

  private void stopped() {
    Runnable callback;
    synchronized (this) {
      running = false;
      callback = whenStopped;
      whenStopped = null;
    }
    if (callback != null) {
      callback.run();
    }
  }
}
