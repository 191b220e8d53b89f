package org.pingliang.techmarket.marketplace.listing.shared;

import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.ProblemType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may see and change an organisation's listings. Membership decides, through the organisation
 * feature; administrators may see everything but edit nothing that is not theirs.
 */
@Component
public class ListingAccess {

  private final Organisations organisations;

  ListingAccess(Organisations organisations) {
    this.organisations = organisations;
  }

  /** Members of the holder (any role) and administrators see unpublished listings. */
  public Mono<Boolean> maySeeUnpublished(UUID organisationId, Actor actor) {
    if (actor.isAnonymous()) {
      return Mono.just(false);
    }
    if (actor.isAdmin()) {
      return Mono.just(true);
    }
    return organisations.roleOf(organisationId, actor.subject()).hasElement();
  }

  /** Owners and editors of the holder change its listings. */
  public Mono<Boolean> mayEdit(UUID organisationId, Actor actor) {
    return actor.isAnonymous() ? Mono.just(false) : organisations.mayEditListings(organisationId, actor);
  }

  /**
   * Checks that the actor may post listings for the organisation they name: an organisation they
   * cannot even see is "not found"; one they see but do not edit for is "forbidden".
   */
  public Mono<Void> requireEditorOf(UUID organisationId, Actor actor) {
    return mayEdit(organisationId, actor).flatMap(editor -> {
      if (editor) {
        return Mono.<Void>empty();
      }
      return organisations.find(organisationId)
          .filter(organisation -> organisation.isVerified())
          .flatMap(visible -> Mono.<Void>error(ListingProblems.forbidden()))
          .switchIfEmpty(Mono.error(ListingProblems.notFound()));
    });
  }

  /** Listings go public only for verified organisations. */
  public Mono<Void> requireVerified(UUID organisationId) {
    return organisations.find(organisationId)
        .filter(organisation -> organisation.isVerified())
        .switchIfEmpty(Mono.error(new ApiProblem(ProblemType.CONFLICT, "listing.organisation-not-verified")))
        .then();
  }
}
