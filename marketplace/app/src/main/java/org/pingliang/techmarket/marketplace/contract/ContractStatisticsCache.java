package org.pingliang.techmarket.marketplace.contract;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Aggregate statistics kept briefly in one Redis hash, so a dashboard refreshing every few seconds
 * does not re-aggregate; a registration deletes the hash. Redis being away only costs the cache:
 * answers then come straight from PostgreSQL.
 */
@Component
class ContractStatisticsCache {

  static final String KEY = "techmarket:contract-statistics:v1";
  private static final Logger log = LoggerFactory.getLogger(ContractStatisticsCache.class);

  private final ReactiveStringRedisTemplate redis;
  private final JsonMapper json;
  private final ContractProperties properties;

  ContractStatisticsCache(ReactiveStringRedisTemplate redis, JsonMapper json, ContractProperties properties) {
    this.redis = redis;
    this.json = json;
    this.properties = properties;
  }

  <T> Mono<T> cached(String field, Class<T> type, Supplier<Mono<T>> compute) {
    if (properties.statisticsCacheTtl().isZero()) {
      return compute.get();
    }
    var hash = redis.<String, String>opsForHash();
    return hash.get(KEY, field)
        .map(text -> json.readValue(text, type))
        .onErrorResume(error -> {
          log.warn("statistics cache unreadable, computing: {}", error.toString());
          return Mono.empty();
        })
        .switchIfEmpty(Mono.defer(compute).flatMap(value -> hash.put(KEY, field, json.writeValueAsString(value))
            .then(redis.expire(KEY, properties.statisticsCacheTtl()))
            .onErrorResume(error -> Mono.just(false))
            .thenReturn(value)));
  }

  /** Drops every cached answer (after a registration committed). */
  Mono<Void> invalidate() {
    return redis.delete(KEY).then().onErrorResume(error -> {
      log.warn("statistics cache not cleared: {}", error.toString());
      return Mono.empty();
    });
  }
}
