package org.pingliang.techmarket.search.query;

import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Which holder organisations are verified, for the verified-holder boost. The index does not carry
 * it (verification can change without a listing event), so the system of record answers.
 */
@FunctionalInterface
public interface HolderVerification {

  /** Nobody is known to be verified (no boost). */
  HolderVerification NONE = ids -> Mono.just(Set.of());

  Mono<Set<String>> verifiedAmong(Set<String> organisationIds);
}
