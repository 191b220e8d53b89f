package org.pingliang.techmarket.marketplace.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.accepted;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.refused;

import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.organisation.MemberRole;

class MembershipRulesTest {

  private static final String SUBJECT = "0b7e1000-0000-4000-8000-000000000002";

  @Test
  void a_new_member_is_added_by_the_caller() {
    var member = accepted(MembershipRules.add(new MemberForm(SUBJECT, MemberRole.EDITOR), null, "owner-1"));
    assertThat(member).isEqualTo(new Member(SUBJECT, MemberRole.EDITOR, "owner-1", null));
  }

  @Test
  void a_subject_is_a_member_once() {
    assertThat(refused(MembershipRules.add(new MemberForm(SUBJECT, MemberRole.OWNER), MemberRole.MEMBER, "o"),
        Refusal.CONFLICT).reason()).isEqualTo("already-member");
  }

  @Test
  void subject_and_role_are_required_and_the_subject_is_printable_ascii() {
    assertThat(refused(MembershipRules.add(new MemberForm(null, null), null, "o"), Refusal.INVALID).violations())
        .containsExactly(new Violation("subject", "required"), new Violation("role", "required"));
    for (var subject : new String[] {"", "a b", "用户", "x".repeat(256), "tab\t"}) {
      assertThat(refused(MembershipRules.add(new MemberForm(subject, MemberRole.MEMBER), null, "o"), Refusal.INVALID)
          .violations()).as(subject).containsExactly(new Violation("subject", "format"));
    }
  }

  @Test
  void the_last_owner_stays() {
    assertThat(refused(MembershipRules.remove(MemberRole.OWNER, 1), Refusal.CONFLICT).reason()).isEqualTo("last-owner");
    assertThat(accepted(MembershipRules.remove(MemberRole.OWNER, 2))).isEqualTo(MemberRole.OWNER);
    assertThat(accepted(MembershipRules.remove(MemberRole.EDITOR, 1))).isEqualTo(MemberRole.EDITOR);
  }

  @Test
  void removing_someone_who_is_no_member_finds_nothing() {
    refused(MembershipRules.remove(null, 3), Refusal.NOT_FOUND);
  }
}
