package org.pingliang.techmarket.marketplace.organisation;

import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@link Organisations} other features use, straight from the tables. */
@Service
class OrganisationDirectory implements Organisations {

  private final PostgresOrganisations organisations;
  private final PostgresMembers members;

  OrganisationDirectory(PostgresOrganisations organisations, PostgresMembers members) {
    this.organisations = organisations;
    this.members = members;
  }

  @Override
  public Mono<Organisation> find(UUID id) {
    return organisations.find(id).map(StoredOrganisation::organisation);
  }

  @Override
  public Mono<MemberRole> roleOf(UUID organisationId, String subject) {
    return members.roleOf(organisationId, subject);
  }

  @Override
  public Mono<Boolean> mayEditListings(UUID organisationId, Actor actor) {
    return members.roleOf(organisationId, actor.subject()).map(MemberRole::mayEditListings).defaultIfEmpty(false);
  }

  @Override
  public Flux<Organisation> of(String subject) {
    return members.organisationsOf(subject).map(membership -> membership.organisation().organisation());
  }
}
