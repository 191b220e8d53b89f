package org.pingliang.techmarket.marketplace.organisation.internal;

import java.util.regex.Pattern;
import org.pingliang.techmarket.marketplace.organisation.MemberRole;

/**
 * Adding and removing members. An organisation always keeps at least one owner, or nobody could
 * manage it any more; a subject is a member once.
 */
public final class MembershipRules {

  // Keycloak subjects are UUIDs; any identity provider's subject is printable ASCII without spaces.
  private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private MembershipRules() {}

  /**
   * @param currentRole the subject's role now, {@code null} when not a member
   */
  public static Outcome<Member> add(MemberForm form, MemberRole currentRole, String addedBy) {
    var checks = new FormChecks();
    var subject = checks.required("subject", form.subject());
    checks.refuseIf(subject != null && !SUBJECT.matcher(subject).matches(), "subject", "format");
    var role = checks.required("role", form.role());
    if (!checks.passed()) {
      return checks.outcome(() -> null);
    }
    if (currentRole != null) {
      return Outcome.conflict("already-member", new Violation("subject", "already-member"));
    }
    return Outcome.accepted(new Member(subject, role, addedBy, null));
  }

  /**
   * @param currentRole the subject's role now, {@code null} when not a member
   * @param owners how many owners the organisation has now
   */
  public static Outcome<MemberRole> remove(MemberRole currentRole, long owners) {
    if (currentRole == null) {
      return Outcome.notFound();
    }
    if (currentRole == MemberRole.OWNER && owners <= 1) {
      return Outcome.conflict("last-owner");
    }
    return Outcome.accepted(currentRole);
  }
}
