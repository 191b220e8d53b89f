package org.pingliang.techmarket.marketplace.negotiation;

import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.achievement.ManagingAchievements;
import org.pingliang.techmarket.marketplace.listing.demand.DemandStatus;
import org.pingliang.techmarket.marketplace.listing.demand.ManagingDemands;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The listings one may negotiate about, read through the listing feature: published achievements
 * and open demands (征集中 or 洽谈中). Anything else is "not available" on the field that named it.
 */
@Component
class ListingLookup {

  /** What a room needs to know of its listing. */
  record Listing(Negotiation.ListingType type, UUID id, UUID organisationId, String title) {}

  private final ManagingAchievements achievements;
  private final ManagingDemands demands;

  ListingLookup(ManagingAchievements achievements, ManagingDemands demands) {
    this.achievements = achievements;
    this.demands = demands;
  }

  Mono<Listing> available(Negotiation.ListingType type, UUID id, Actor actor, String field) {
    var found = type == Negotiation.ListingType.ACHIEVEMENT
        ? achievements.view(actor, id).filter(a -> a.isPublic())
            .map(a -> new Listing(type, a.id(), a.organisationId(), a.content().title()))
        : demands.view(actor, id)
            .filter(d -> d.status() == DemandStatus.OPEN || d.status() == DemandStatus.IN_NEGOTIATION)
            .map(d -> new Listing(type, d.id(), d.organisationId(), d.content().title()));
    return found
        .onErrorResume(ApiProblem.class, missing -> Mono.empty())
        .switchIfEmpty(Mono.error(() -> NegotiationProblems.invalid(field, "listing-not-available")));
  }
}
