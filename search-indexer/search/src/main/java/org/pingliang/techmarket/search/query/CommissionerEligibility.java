package org.pingliang.techmarket.search.query;

import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Which commissioners may appear in matches now (selected, not exited, not removed, not banned):
 * asked by the caller's application, which owns those facts, for the commissioners of the candidates.
 */
@FunctionalInterface
public interface CommissionerEligibility {

  /** Everyone: for tools that rank without the application (evaluation). */
  CommissionerEligibility EVERYONE = subjects -> Mono.just(subjects);

  /** The subset of {@code subjects} that may appear. */
  Mono<Set<String>> eligibleAmong(Set<String> subjects);
}
