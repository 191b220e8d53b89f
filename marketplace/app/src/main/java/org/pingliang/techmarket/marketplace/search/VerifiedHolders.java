package org.pingliang.techmarket.marketplace.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.pingliang.techmarket.search.query.HolderVerification;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which holders are verified, asked of the organisation feature and remembered for a minute, so a
 * search costs no extra database round trip for organisations seen recently.
 */
final class VerifiedHolders implements HolderVerification {

  private static final Duration TTL = Duration.ofMinutes(1);
  private static final int MAX_ENTRIES = 10_000;

  private final Organisations organisations;
  private final Clock clock;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  VerifiedHolders(Organisations organisations, Clock clock) {
    this.organisations = organisations;
    this.clock = clock;
  }

  private record Entry(boolean verified, Instant expires) {}

  @Override
  public Mono<Set<String>> verifiedAmong(Set<String> organisationIds) {
    var now = clock.instant();
    return Flux.fromIterable(organisationIds)
        .flatMap(id -> {
          var entry = cache.get(id);
          if (entry != null && entry.expires().isAfter(now)) {
            return Mono.just(Map.entry(id, entry.verified()));
          }
          return lookUp(id).map(verified -> {
            if (cache.size() > MAX_ENTRIES) {
              cache.clear();
            }
            cache.put(id, new Entry(verified, now.plus(TTL)));
            return Map.entry(id, verified);
          });
        }, 8)
        .filter(Map.Entry::getValue)
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  private Mono<Boolean> lookUp(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Mono.just(false);
    }
    return organisations.find(uuid).map(organisation -> organisation.isVerified()).defaultIfEmpty(false);
  }
}
