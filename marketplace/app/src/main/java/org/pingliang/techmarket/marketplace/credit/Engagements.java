package org.pingliang.techmarket.marketplace.credit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Finished engagements whose parties may rate each other. Called by the feature that owns the
 * engagement, inside its writing transaction; recording the same engagement twice is a no-op.
 */
public interface Engagements {

  Mono<Void> completed(Engagement engagement);

  /**
   * @param kind what ended: {@code CONTRACT} (技术合同 completed), {@code SERVICE} (a commissioner's
   *     or provider's service delivered), {@code BOOKING} (instrument time used)
   * @param referenceId the id of the contract, service record or booking in its own feature
   * @param parties at least two; each side may rate every other side once
   */
  record Engagement(String kind, UUID referenceId, List<Party> parties, Instant completedAt) {

    public Engagement {
      parties = List.copyOf(parties);
      if (parties.size() < 2) {
        throw new IllegalArgumentException("an engagement has at least two parties");
      }
    }
  }

  /**
   * One side of an engagement.
   *
   * @param role what the side was: {@code SELLER}, {@code BUYER}, {@code BROKER}, {@code
   *     COMMISSIONER}, {@code PROVIDER}, {@code SERVED}
   * @param organisationId the organisation, or null for a person acting for themselves
   * @param personSubject the Keycloak subject of the person rated (commissioner, broker), or null
   */
  record Party(String role, UUID organisationId, String personSubject) {

    public Party {
      if (organisationId == null && personSubject == null) {
        throw new IllegalArgumentException("a party is an organisation or a person");
      }
    }
  }
}
