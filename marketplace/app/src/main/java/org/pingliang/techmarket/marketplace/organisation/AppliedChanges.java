package org.pingliang.techmarket.marketplace.organisation;

import org.pingliang.techmarket.marketplace.organisation.internal.Change;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Writes an accepted change and its history entry; runs inside the caller's transaction. */
@Component
class AppliedChanges {

  private final PostgresOrganisations organisations;
  private final PostgresOrganisationChanges changes;
  private final OrganisationProblems problems;

  AppliedChanges(PostgresOrganisations organisations, PostgresOrganisationChanges changes,
      OrganisationProblems problems) {
    this.organisations = organisations;
    this.changes = changes;
    this.problems = problems;
  }

  Mono<StoredOrganisation> apply(StoredOrganisation stored, Change change, String changedBy) {
    if (change.isEmpty()) {
      return Mono.just(stored);
    }
    var after = change.after();
    return organisations.update(after, change.before().version(), change.rejectionReasonAfter(stored.rejectionReason()))
        .onErrorMap(DuplicateKeyException.class, taken -> problems.creditCodeTaken())
        .filter(Boolean::booleanValue)
        .switchIfEmpty(Mono.error(problems::staleVersion))
        .then(changes.record(after.id(), after.version(), change.type(), changedBy, change.fields(), change.reason()))
        .then(organisations.find(after.id()));
  }
}
