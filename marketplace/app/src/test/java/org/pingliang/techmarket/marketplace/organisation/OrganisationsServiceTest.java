package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

/** The public {@link Organisations} API that other features (listings) build on. */
class OrganisationsServiceTest extends OrganisationApiTest {

  private static final Actor UNIVERSITY_USER = new Actor(UNIVERSITY, "university", Set.of(Role.UNIVERSITY));
  private static final Actor UNIVERSITY2_USER = new Actor(UNIVERSITY2, "university2", Set.of(Role.UNIVERSITY));
  private static final Actor ENTERPRISE_USER = new Actor(ENTERPRISE, "enterprise", Set.of(Role.ENTERPRISE));
  private static final Actor BROKER_USER = new Actor(BROKER, "broker", Set.of(Role.BROKER));
  private static final Actor ADMIN_USER = new Actor(ADMIN, "admin", Set.of(Role.ADMIN));

  @Autowired
  Organisations organisations;

  @Test
  void find_returns_an_organisation_in_any_status_and_nothing_for_an_unknown_id() {
    var pending = register("university");
    StepVerifier.create(organisations.find(pending.id()))
        .assertNext(found -> {
          assertThat(found.id()).isEqualTo(pending.id());
          assertThat(found.creditCode().value()).isEqualTo(pending.creditCode());
          assertThat(found.kind()).isEqualTo(OrganisationKind.UNIVERSITY);
          assertThat(found.verificationStatus()).isEqualTo(VerificationStatus.PENDING);
          assertThat(found.isVerified()).isFalse();
          assertThat(found.version()).isZero();
        })
        .verifyComplete();
    StepVerifier.create(organisations.find(UUID.randomUUID())).verifyComplete();
  }

  @Test
  void role_of_tells_the_role_or_nothing_for_a_non_member() {
    var registered = register("university");
    addMember("university", registered.id(), UNIVERSITY2, "EDITOR");
    StepVerifier.create(organisations.roleOf(registered.id(), UNIVERSITY)).expectNext(MemberRole.OWNER).verifyComplete();
    StepVerifier.create(organisations.roleOf(registered.id(), UNIVERSITY2)).expectNext(MemberRole.EDITOR).verifyComplete();
    StepVerifier.create(organisations.roleOf(registered.id(), ENTERPRISE)).verifyComplete();
    StepVerifier.create(organisations.roleOf(registered.id(), null)).verifyComplete();
  }

  @Test
  void owners_and_editors_edit_listings_members_administrators_and_strangers_do_not() {
    var registered = register("university");
    addMember("university", registered.id(), UNIVERSITY2, "EDITOR");
    addMember("university", registered.id(), ENTERPRISE, "MEMBER");
    StepVerifier.create(organisations.mayEditListings(registered.id(), UNIVERSITY_USER)).expectNext(true).verifyComplete();
    StepVerifier.create(organisations.mayEditListings(registered.id(), UNIVERSITY2_USER)).expectNext(true).verifyComplete();
    StepVerifier.create(organisations.mayEditListings(registered.id(), ENTERPRISE_USER)).expectNext(false).verifyComplete();
    StepVerifier.create(organisations.mayEditListings(registered.id(), BROKER_USER)).expectNext(false).verifyComplete();
    StepVerifier.create(organisations.mayEditListings(registered.id(), ADMIN_USER)).expectNext(false).verifyComplete();
    StepVerifier.create(organisations.mayEditListings(registered.id(), Actor.ANONYMOUS)).expectNext(false).verifyComplete();
    StepVerifier.create(organisations.mayEditListings(UUID.randomUUID(), UNIVERSITY_USER)).expectNext(false)
        .verifyComplete();
  }

  @Test
  void of_lists_every_organisation_of_a_subject_in_any_status() {
    var pending = register("broker");
    var verified = registerVerified("broker");
    StepVerifier.create(organisations.of(BROKER).map(Organisation::id).collectList())
        .assertNext(ids -> assertThat(ids).contains(pending.id(), verified.id()))
        .verifyComplete();
    StepVerifier.create(organisations.of("nobody-" + UUID.randomUUID())).verifyComplete();
  }
}
