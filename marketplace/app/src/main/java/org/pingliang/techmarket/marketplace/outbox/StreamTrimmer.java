package org.pingliang.techmarket.marketplace.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pingliang.techmarket.marketplace.outbox.TrimBoundary.EntryId;
import org.pingliang.techmarket.marketplace.outbox.TrimBoundary.GroupPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoGroup;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Removes from event streams the entries that every consumer group has acknowledged and that are
 * older than the retention window ({@link TrimBoundary}), with {@code XTRIM MINID}. Consumer groups
 * are read at run time (XINFO GROUPS, then the XPENDING summary of groups with pending entries), so
 * a new consumer is protected without configuration. The trim itself runs in a script
 * (outbox/trim-stream.lua) that gives up if the number of groups changed since they were read.
 *
 * <p>Takes the streams as a parameter: {@link StreamTrimJob} passes the event streams, tests pass
 * their own keys. Never touches other keys (such as the indexer's {@code <stream>:parked}).
 */
@Component
class StreamTrimmer {

  static final String TRIMMED = "techmarket.event-streams.trimmed";
  static final String FAILURES = "techmarket.event-streams.trim.failures";
  /**
   * Entries one approximate XTRIM removes at most (Redis's own default for {@code ~}: 100 nodes of
   * 100), so no single call holds Redis up for long; a run repeats the call while it removes
   * something, up to {@link #MAX_ROUNDS} times, so a long backlog (a million entries) goes in one run.
   */
  static final int APPROXIMATE_LIMIT = 10_000;
  static final int MAX_ROUNDS = 1_000;

  private static final Logger log = LoggerFactory.getLogger(StreamTrimmer.class);
  private static final RedisScript<Long> TRIM_STREAM =
      RedisScript.of(new ClassPathResource("outbox/trim-stream.lua"), Long.class);

  /**
   * How one stream's trim went: entries below {@code keptFrom} may go (null when nothing may),
   * {@code limitedBy} the consumer group holding that bound (null: the retention window), {@code
   * skipped} why nothing was tried.
   */
  record StreamTrim(String stream, EntryId keptFrom, String limitedBy, long removed, String skipped) {

    static StreamTrim skipped(String stream, String why) {
      return new StreamTrim(stream, null, null, 0, why);
    }
  }

  private final ReactiveStringRedisTemplate redis;
  private final MeterRegistry meters;

  StreamTrimmer(ReactiveStringRedisTemplate redis, MeterRegistry meters) {
    this.redis = redis;
    this.meters = meters;
  }

  /**
   * Trims each stream in turn; a stream that fails is logged (warning) and left for the next run
   * without stopping the others.
   *
   * @param exact {@code false} in production: {@code XTRIM MINID ~} removes whole radix-tree nodes
   *     only (cheap, and never more than the exact trim would); {@code true} trims to the entry
   */
  Flux<StreamTrim> trim(List<String> streams, Duration retention, boolean exact) {
    return Flux.fromIterable(streams).concatMap(stream -> trim(stream, retention, exact)
        .onErrorResume(error -> {
          log.warn("event stream {} not trimmed, trying again next run: {}", stream, error.toString());
          Counter.builder(FAILURES).description("Failed attempts to trim an event stream")
              .tag("stream", stream).register(meters).increment();
          return Mono.empty();
        }));
  }

  Mono<StreamTrim> trim(String stream, Duration retention, boolean exact) {
    return trim(stream, retention, exact, APPROXIMATE_LIMIT);
  }

  /** With a smaller {@code approximateLimit}, a test sees an approximate trim take several rounds. */
  Mono<StreamTrim> trim(String stream, Duration retention, boolean exact, int approximateLimit) {
    return redis.hasKey(stream).flatMap(exists -> exists
        ? trimExisting(stream, retention, exact, approximateLimit)
        : Mono.just(StreamTrim.skipped(stream, "no such stream")));
  }

  private Mono<StreamTrim> trimExisting(String stream, Duration retention, boolean exact, int approximateLimit) {
    // Redis's clock, not ours: it is the clock that wrote the ids' milliseconds.
    var now = redis.execute(connection -> connection.serverCommands().time(TimeUnit.MILLISECONDS)).next();
    return groups(stream).zipWith(now).flatMap(groupsAndNow -> {
      var groups = groupsAndNow.getT1();
      var boundary = TrimBoundary.boundary(groups, groupsAndNow.getT2(), retention);
      if (boundary.keepFrom().equals(EntryId.ZERO)) {
        return Mono.just(new StreamTrim(stream, null, boundary.limitedBy(), 0,
            "nothing old enough and acknowledged"));
      }
      return trimInRounds(stream, boundary.keepFrom(), exact, approximateLimit, groups.size(), 1).map(removed -> {
        if (removed < 0) {
          return StreamTrim.skipped(stream, "consumer groups changed while trimming");
        }
        if (removed > 0) {
          Counter.builder(TRIMMED).description("Entries removed from an event stream by the trim job")
              .tag("stream", stream).register(meters).increment(removed);
        }
        return new StreamTrim(stream, boundary.keepFrom(), boundary.limitedBy(), removed, null);
      });
    });
  }

  private Mono<List<GroupPosition>> groups(String stream) {
    return redis.opsForStream().groups(stream).concatMap(group -> position(stream, group)).collectList();
  }

  private Mono<GroupPosition> position(String stream, XInfoGroup group) {
    var lastDelivered = EntryId.parse(group.lastDeliveredId());
    var pendingCount = group.pendingCount();
    if (pendingCount != null && pendingCount == 0) {
      return Mono.just(new GroupPosition(group.groupName(), lastDelivered, null));
    }
    return redis.opsForStream().pending(stream, group.groupName())
        .map(summary -> new GroupPosition(group.groupName(), lastDelivered,
            summary.getTotalPendingMessages() > 0 ? EntryId.parse(summary.minMessageId()) : null));
  }

  /** XLEN; 0 for a missing stream. */
  Mono<Long> length(String stream) {
    return redis.opsForStream().size(stream);
  }

  /** Entries removed in all rounds; -1 if the first round found the groups changed. */
  private Mono<Long> trimInRounds(String stream, EntryId keepFrom, boolean exact, int limit, int groupsSeen, int round) {
    return xtrim(stream, keepFrom, exact, limit, groupsSeen).flatMap(removed -> {
      if (exact || removed <= 0 || round >= MAX_ROUNDS) {
        return Mono.just(removed);
      }
      return trimInRounds(stream, keepFrom, exact, limit, groupsSeen, round + 1)
          .map(more -> more < 0 ? removed : removed + more);
    });
  }

  /** One script call; package-private for the test of the script's guard against new groups. */
  Mono<Long> xtrim(String stream, EntryId keepFrom, boolean exact, int approximateLimit, int groupsSeen) {
    return redis.execute(TRIM_STREAM, List.of(stream), List.of(keepFrom.toString(), exact ? "=" : "~",
            Integer.toString(groupsSeen), Integer.toString(approximateLimit)))
        .single();
  }
}
