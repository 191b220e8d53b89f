package org.pingliang.techmarket.marketplace.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.ADMIN;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.ENTERPRISE;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.accepted;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.organisation;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.refused;

import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.organisation.VerificationStatus;

class VerificationRulesTest {

  @Test
  void an_administrator_verifies_a_pending_organisation() {
    var current = organisation(VerificationStatus.PENDING, 0);
    var change = accepted(VerificationRules.decide(current, ADMIN,
        new VerificationForm(VerificationDecision.VERIFIED, null, null)));
    assertThat(change.after().verificationStatus()).isEqualTo(VerificationStatus.VERIFIED);
    assertThat(change.after().version()).isEqualTo(1);
    assertThat(change.type()).isEqualTo(ChangeType.VERIFIED);
    assertThat(change.rejectionReasonAfter("旧理由")).isNull();
  }

  @Test
  void a_rejection_carries_its_reason() {
    var current = organisation(VerificationStatus.VERIFIED, 4);
    var change = accepted(VerificationRules.decide(current, ADMIN,
        new VerificationForm(VerificationDecision.REJECTED, "执照已吊销\n请重新登记", 4L)));
    assertThat(change.after().verificationStatus()).isEqualTo(VerificationStatus.REJECTED);
    assertThat(change.type()).isEqualTo(ChangeType.REJECTED);
    assertThat(change.reason()).isEqualTo("执照已吊销\n请重新登记");
    assertThat(change.rejectionReasonAfter(null)).isEqualTo("执照已吊销\n请重新登记");
    assertThat(change.fields()).containsEntry("verificationStatus", new FieldChange("VERIFIED", "REJECTED"));
  }

  @Test
  void a_rejection_without_a_reason_is_invalid() {
    var current = organisation(VerificationStatus.PENDING, 0);
    for (var reason : new String[] {null, "", "  \n "}) {
      assertThat(refused(VerificationRules.decide(current, ADMIN,
          new VerificationForm(VerificationDecision.REJECTED, reason, null)), Refusal.INVALID).violations())
          .containsExactly(new Violation("reason", "required"));
    }
  }

  @Test
  void a_reason_is_at_most_a_thousand_characters_without_control_characters() {
    var current = organisation(VerificationStatus.PENDING, 0);
    assertThat(refused(VerificationRules.decide(current, ADMIN,
        new VerificationForm(VerificationDecision.REJECTED, "理".repeat(1001), null)), Refusal.INVALID).violations())
        .containsExactly(new Violation("reason", "size"));
    assertThat(refused(VerificationRules.decide(current, ADMIN,
        new VerificationForm(VerificationDecision.REJECTED, "理由\u0007", null)), Refusal.INVALID).violations())
        .containsExactly(new Violation("reason", "invalid-characters"));
  }

  @Test
  void no_decision_is_invalid() {
    assertThat(refused(VerificationRules.decide(organisation(VerificationStatus.PENDING, 0), ADMIN,
        new VerificationForm(null, null, null)), Refusal.INVALID).violations())
        .containsExactly(new Violation("decision", "required"));
  }

  @Test
  void a_decision_on_an_older_version_is_a_conflict() {
    assertThat(refused(VerificationRules.decide(organisation(VerificationStatus.PENDING, 2), ADMIN,
        new VerificationForm(VerificationDecision.VERIFIED, null, 1L)), Refusal.CONFLICT).reason())
        .isEqualTo("stale-version");
  }

  @Test
  void only_administrators_decide() {
    assertThat(refused(VerificationRules.decide(organisation(VerificationStatus.PENDING, 0), ENTERPRISE,
        new VerificationForm(VerificationDecision.VERIFIED, null, null)), Refusal.FORBIDDEN).reason())
        .isEqualTo("admin-only");
  }
}
