package org.pingliang.techmarket.marketplace.instrument;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.MemberRole;
import org.pingliang.techmarket.marketplace.organisation.OrganisationKind;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Membership decides: OWNERs and EDITORs act for their organisation, any member reads its private records. */
@Component
class InstrumentAccess {

  /** Who may list instruments: institutions (高校、科研院所) and S&T service providers. */
  static final Set<OrganisationKind> INSTITUTIONS = EnumSet.of(OrganisationKind.UNIVERSITY,
      OrganisationKind.RESEARCH_INSTITUTE, OrganisationKind.SERVICE_PROVIDER);

  private final Organisations organisations;

  InstrumentAccess(Organisations organisations) {
    this.organisations = organisations;
  }

  Mono<Boolean> isMember(UUID organisationId, Actor actor) {
    return actor.isAnonymous() ? Mono.just(false) : organisations.roleOf(organisationId, actor.subject()).hasElement();
  }

  Mono<Boolean> mayAct(UUID organisationId, Actor actor) {
    return actor.isAnonymous() ? Mono.just(false) : organisations.roleOf(organisationId, actor.subject())
        .map(MemberRole::mayEditListings).defaultIfEmpty(false);
  }

  /** Members of the holder and administrators see withdrawn instruments and every booking of it. */
  Mono<Boolean> maySeePrivate(UUID organisationId, Actor actor) {
    return actor.isAdmin() ? Mono.just(true) : isMember(organisationId, actor);
  }

  /**
   * The caller acts for a verified organisation of one of these kinds: 404 when it does not exist,
   * 403 when the caller is not its OWNER/EDITOR or it is of another kind, 409 when unverified.
   */
  Mono<Void> requireActingFor(UUID organisationId, Actor actor, Set<OrganisationKind> kinds,
      java.util.function.Supplier<RuntimeException> wrongKind) {
    return organisations.find(organisationId)
        .switchIfEmpty(Mono.error(InstrumentProblems::notFound))
        .flatMap(organisation -> mayAct(organisationId, actor).flatMap(acting -> {
          if (!acting) {
            return Mono.error(InstrumentProblems.forbidden());
          }
          if (!kinds.contains(organisation.kind())) {
            return Mono.error(wrongKind.get());
          }
          if (!organisation.isVerified()) {
            return Mono.error(new org.pingliang.techmarket.marketplace.problem.ApiProblem(
                org.pingliang.techmarket.marketplace.problem.ProblemType.CONFLICT, "instrument.organisation-not-verified"));
          }
          return Mono.<Void>empty();
        }));
  }
}
