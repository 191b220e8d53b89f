package org.pingliang.techmarket.searchindexer.listing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A lease in Redis so that one indexer instance at a time rebuilds or reconciles: SET NX with a TTL,
 * renewed while the work runs; a crashed holder's lease simply expires.
 */
@Component
class RedisLock {

  private static final RedisScript<Long> RENEW = RedisScript.of("""
      if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end""",
      Long.class);
  private static final RedisScript<Long> RELEASE = RedisScript.of("""
      if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end""",
      Long.class);

  private final ReactiveStringRedisTemplate redis;

  RedisLock(ReactiveStringRedisTemplate redis) {
    this.redis = redis;
  }

  /**
   * Runs {@code work} while holding the lease {@code key}; completes with {@link Busy} if someone
   * else holds it.
   */
  <T> Mono<T> withLease(String key, Duration ttl, Mono<T> work) {
    var owner = UUID.randomUUID().toString();
    return redis.opsForValue().setIfAbsent(key, owner, ttl).flatMap(acquired -> {
      if (!acquired) {
        return Mono.error(new Busy(key));
      }
      var renewal = Flux.interval(ttl.dividedBy(3))
          .concatMap(tick -> redis.execute(RENEW, List.of(key), List.of(owner, String.valueOf(ttl.toMillis()))))
          .onErrorContinue((error, value) -> { })
          .subscribe();
      return work.doFinally(signal -> renewal.dispose())
          .flatMap(result -> release(key, owner).thenReturn(result))
          .onErrorResume(error -> release(key, owner).then(Mono.error(error)))
          .switchIfEmpty(release(key, owner).then(Mono.empty()));
    });
  }

  private Mono<Void> release(String key, String owner) {
    return redis.execute(RELEASE, List.of(key), List.of(owner)).then().onErrorResume(error -> Mono.empty());
  }

  /** Another instance holds the lease. */
  static final class Busy extends RuntimeException {
    Busy(String key) {
      super("another indexer instance holds " + key, null, false, false);
    }
  }
}
