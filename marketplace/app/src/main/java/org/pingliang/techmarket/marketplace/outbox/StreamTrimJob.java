package org.pingliang.techmarket.marketplace.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
 *
 * <p>After each run it records each stream's length ({@value #LENGTH}): a length that only grows
 * means a consumer group that never acknowledges (the log says which group holds the bound).
 */
@Component
class StreamTrimJob implements SmartLifecycle {

  static final String LENGTH = "techmarket.event-streams.length";

  private static final Logger log = LoggerFactory.getLogger(StreamTrimJob.class);

  private final StreamTrimmer trimmer;
  private final EventStreamProperties properties;
  private final List<String> streams;
  private final Map<String, AtomicLong> lengths;

  private volatile Disposable loop;

  @Autowired
  StreamTrimJob(StreamTrimmer trimmer, EventStreamProperties properties, MeterRegistry meters) {
    this(trimmer, properties, meters, AggregateStreams.all());
  }

  /** A job over other streams, for tests on throwaway keys. */
  StreamTrimJob(StreamTrimmer trimmer, EventStreamProperties properties, MeterRegistry meters, List<String> streams) {
    this.trimmer = trimmer;
    this.properties = properties;
    this.streams = List.copyOf(streams);
    this.lengths = this.streams.stream().collect(Collectors.toMap(Function.identity(), stream -> new AtomicLong(-1)));
    // Gauges read the last measured value: the scraper's thread must not wait for Redis. -1: not yet.
    lengths.forEach((stream, length) -> Gauge.builder(LENGTH, length, AtomicLong::get)
        .description("Entries in an event stream after the last trim run").tag("stream", stream)
        .register(meters));
  }

  /** One run over all event streams; what {@link #start()} schedules. */
  Mono<Void> runOnce() {
    return trimmer.trim(streams, properties.retention(), false)
        .doOnNext(StreamTrimJob::report)
        .thenMany(Flux.fromIterable(streams))
        .concatMap(stream -> trimmer.length(stream).doOnNext(length -> lengths.get(stream).set(length)))
        .then()
        .onErrorResume(error -> {
          log.warn("event stream trim failed, trying again in {}: {}", properties.trimInterval(), error.toString());
          return Mono.empty();
        });
  }

  private static void report(StreamTrimmer.StreamTrim trim) {
    var limit = trim.limitedBy() == null ? "the retention window" : "consumer group " + trim.limitedBy();
    if (trim.removed() > 0) {
      log.info("event stream {}: trimmed {} entries below {} (held by {})", trim.stream(), trim.removed(),
          trim.keptFrom(), limit);
    } else {
      log.debug("event stream {}: nothing trimmed ({}; held by {})", trim.stream(),
          trim.skipped() != null ? trim.skipped() : "nothing below " + trim.keptFrom(), limit);
    }
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
