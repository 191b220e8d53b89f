package org.pingliang.techmarket.marketplace.outbox;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the event streams from growing without bound: every {@code trim-interval} (after {@code
 * trim-initial-delay}) it trims every stream the relay writes to ({@link AggregateStreams#all()})
 * below what all consumer groups have acknowledged and older than {@code retention} (see {@link
 * StreamTrimmer}). Production trims approximately ({@code MINID ~}).
 *
 * <p>No lock between instances: each run computes its bound from Redis alone and {@code XTRIM MINID}
 * is idempotent, so two instances trimming at once remove nothing a single one would not. A failed
 * run logs a warning and the next one tries again; nothing here blocks a thread.
 */
@Component
class StreamTrimJob implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StreamTrimJob.class);

  private final StreamTrimmer trimmer;
  private final EventStreamProperties properties;
  private final List<String> streams = AggregateStreams.all();

  private volatile Disposable loop;

  StreamTrimJob(StreamTrimmer trimmer, EventStreamProperties properties) {
    this.trimmer = trimmer;
    this.properties = properties;
  }

  /** One run over all event streams; what {@link #start()} schedules. */
  Mono<Void> runOnce() {
    return trimmer.trim(streams, properties.retention(), false)
        .doOnNext(trim -> {
          if (trim.removed() > 0) {
            log.info("event stream {}: trimmed {} entries below {}", trim.stream(), trim.removed(), trim.keptFrom());
          } else {
            log.debug("event stream {}: nothing trimmed ({})", trim.stream(),
                trim.skipped() != null ? trim.skipped() : "below " + trim.keptFrom());
          }
        })
        .then()
        .onErrorResume(error -> {
          log.warn("event stream trim failed, trying again in {}: {}", properties.trimInterval(), error.toString());
          return Mono.empty();
        });
  }

  @Override
  public synchronized void start() {
    if (loop != null) {
      return;
    }
    loop = Flux.interval(properties.trimInitialDelay(), properties.trimInterval())
        .onBackpressureDrop()
        .concatMap(tick -> runOnce(), 0)
        .subscribe();
  }

  @Override
  public synchronized void stop() {
    if (loop != null) {
      loop.dispose();
      loop = null;
    }
  }

  @Override
  public boolean isRunning() {
    return loop != null;
  }

  @Override
  public boolean isAutoStartup() {
    return properties.trimEnabled();
  }
}
