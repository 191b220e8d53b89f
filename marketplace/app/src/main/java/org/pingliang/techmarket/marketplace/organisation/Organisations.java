package org.pingliang.techmarket.marketplace.organisation;

import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What other features may ask about organisations and their members. Answers ignore visibility:
 * the caller decides what to show (e.g. only {@link Organisation#isVerified() verified} holders).
 */
public interface Organisations {

  /** The organisation with this id in any status, or empty. */
  Mono<Organisation> find(UUID id);

  /** The subject's role in the organisation, or empty when they are not a member. */
  Mono<MemberRole> roleOf(UUID organisationId, String subject);

  /**
   * Whether the actor may edit the organisation's listings: its OWNERs and EDITORs. An ADMIN who is
   * not a member may not; moderation is a separate permission of the listing feature.
   */
  Mono<Boolean> mayEditListings(UUID organisationId, Actor actor);

  /** The organisations the subject is a member of, in any status, by name. */
  Flux<Organisation> of(String subject);
}
