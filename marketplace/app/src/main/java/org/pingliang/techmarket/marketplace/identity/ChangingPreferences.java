package org.pingliang.techmarket.marketplace.identity;

import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.ProblemType;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Reads and changes a user's preferences. A change must name the version it was based on (none for
 * the first change); a stale version is refused with 409 instead of silently overwriting.
 */
@Service
class ChangingPreferences {

  private final AllUserPreferences preferences;

  ChangingPreferences(AllUserPreferences preferences) {
    this.preferences = preferences;
  }

  Mono<UserPreferences> current(String subject) {
    return preferences.findById(subject).defaultIfEmpty(UserPreferences.defaults(subject));
  }

  Mono<UserPreferences> change(String subject, Long basedOnVersion, String locale, boolean emailNotifications) {
    return preferences.findById(subject)
        .map(stored -> {
          if (!stored.version().equals(basedOnVersion)) {
            throw new ApiProblem(ProblemType.CONFLICT, "problem.stale-version.detail");
          }
          return stored.change(locale, emailNotifications);
        })
        .switchIfEmpty(Mono.fromSupplier(() -> {
          if (basedOnVersion != null) {
            throw new ApiProblem(ProblemType.CONFLICT, "problem.stale-version.detail");
          }
          return UserPreferences.defaults(subject).change(locale, emailNotifications);
        }))
        .flatMap(preferences::save);
  }
}
