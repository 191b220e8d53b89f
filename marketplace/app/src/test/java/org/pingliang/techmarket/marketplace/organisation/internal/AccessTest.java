package org.pingliang.techmarket.marketplace.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.ADMIN;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.ENTERPRISE;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.organisation;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.refused;

import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.MemberRole;
import org.pingliang.techmarket.marketplace.organisation.VerificationStatus;

class AccessTest {

  private final org.pingliang.techmarket.marketplace.organisation.Organisation verified =
      organisation(VerificationStatus.VERIFIED, 1);
  private final org.pingliang.techmarket.marketplace.organisation.Organisation pending =
      organisation(VerificationStatus.PENDING, 0);
  private final org.pingliang.techmarket.marketplace.organisation.Organisation rejected =
      organisation(VerificationStatus.REJECTED, 1);

  @Test
  void verified_organisations_are_public_others_are_for_members_and_administrators() {
    assertThat(Access.sees(verified, null, Actor.ANONYMOUS)).isTrue();
    assertThat(Access.sees(pending, null, Actor.ANONYMOUS)).isFalse();
    assertThat(Access.sees(rejected, null, ENTERPRISE)).isFalse();
    assertThat(Access.sees(pending, MemberRole.MEMBER, ENTERPRISE)).isTrue();
    assertThat(Access.sees(rejected, null, ADMIN)).isTrue();
  }

  @Test
  void whoever_may_not_see_an_organisation_is_told_it_does_not_exist() {
    refused(Access.toSee(pending, null, ENTERPRISE), Refusal.NOT_FOUND);
    refused(Access.toChange(pending, null, ENTERPRISE), Refusal.NOT_FOUND);
  }

  @Test
  void owners_and_administrators_change_editors_and_outsiders_of_a_public_one_are_forbidden() {
    assertThat(Access.toChange(pending, MemberRole.OWNER, ENTERPRISE)).isEqualTo(Outcome.accepted(pending));
    assertThat(Access.toChange(pending, null, ADMIN)).isEqualTo(Outcome.accepted(pending));
    refused(Access.toChange(pending, MemberRole.EDITOR, ENTERPRISE), Refusal.FORBIDDEN);
    refused(Access.toChange(verified, null, ENTERPRISE), Refusal.FORBIDDEN);
  }

  @Test
  void members_are_private_even_for_a_verified_organisation() {
    refused(Access.toManageMembers(verified, null, ENTERPRISE), Refusal.NOT_FOUND);
    refused(Access.toManageMembers(verified, null, Actor.ANONYMOUS), Refusal.NOT_FOUND);
    refused(Access.toManageMembers(verified, MemberRole.MEMBER, ENTERPRISE), Refusal.FORBIDDEN);
    refused(Access.toManageMembers(verified, MemberRole.EDITOR, ENTERPRISE), Refusal.FORBIDDEN);
    assertThat(Access.toManageMembers(pending, MemberRole.OWNER, ENTERPRISE)).isEqualTo(Outcome.accepted(pending));
    assertThat(Access.toManageMembers(rejected, null, ADMIN)).isEqualTo(Outcome.accepted(rejected));
  }
}
