package org.pingliang.techmarket.marketplace.organisation;

import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.internal.Access;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads organisations as the caller may see them. */
@Service
class BrowsingOrganisations {

  private final PostgresOrganisations organisations;
  private final PostgresMembers members;
  private final OrganisationProblems problems;

  BrowsingOrganisations(PostgresOrganisations organisations, PostgresMembers members, OrganisationProblems problems) {
    this.organisations = organisations;
    this.members = members;
    this.problems = problems;
  }

  /** The organisation if the caller may see it; "not found" alike when it is missing or private. */
  Mono<StoredOrganisation> visible(UUID id, Actor actor) {
    return organisations.find(id)
        .switchIfEmpty(Mono.error(problems::notFound))
        .flatMap(stored -> members.lookUpRole(id, actor.subject())
            .flatMap(role -> problems.orError(Access.toSee(stored.organisation(), role.orElse(null), actor)))
            .thenReturn(stored));
  }

  /**
   * One page. Which statuses a caller may list is a route rule (only administrators pass {@code
   * status}); the query defaults to verified ones.
   */
  Mono<Page> page(OrganisationQuery query) {
    return organisations.page(query).collectList().map(found -> Page.of(found, query.size()));
  }

  Flux<PostgresMembers.Membership> mine(Actor actor) {
    return members.organisationsOf(actor.subject());
  }

  /** Items and, when more follow, the cursor to the next page. */
  record Page(List<StoredOrganisation> items, String nextCursor) {

    /** {@code found} holds up to one item more than asked for: its presence says another page exists. */
    static Page of(List<StoredOrganisation> found, int size) {
      if (found.size() <= size) {
        return new Page(found, null);
      }
      var items = found.subList(0, size);
      return new Page(List.copyOf(items), OrganisationQuery.cursorAfter(items.getLast().organisation().id()));
    }
  }
}
