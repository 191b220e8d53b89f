package org.pingliang.techmarket.marketplace.organisation.internal;

import java.util.LinkedHashMap;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.Organisation;

/**
 * VerificationRules an organisation (机构认证): an administrator checks the legal identity and verifies or
 * rejects it. A rejection needs a reason the owner can act on. Every decision is kept, also a
 * repeated one, since who decided when is what an audit asks.
 */
public final class VerificationRules {

  private VerificationRules() {}

  public static Outcome<Change> decide(Organisation current, Actor actor, VerificationForm form) {
    if (!actor.isAdmin()) {
      return Outcome.forbidden("admin-only");
    }
    if (form.basedOnVersion() != null && form.basedOnVersion() != current.version()) {
      return Outcome.conflict("stale-version", new Violation("version", "stale"));
    }
    var checks = new FormChecks();
    var decision = checks.required("decision", form.decision());
    var rejecting = decision == VerificationDecision.REJECTED;
    var reason = checks.text("reason", form.reason(), rejecting);
    if (!checks.passed()) {
      return checks.outcome(() -> null);
    }
    var status = decision.status();
    var fields = new LinkedHashMap<String, FieldChange>();
    fields.put("verificationStatus", new FieldChange(current.verificationStatus().name(), status.name()));
    var after = new Organisation(current.id(), current.name(), current.kind(), current.creditCode(),
        current.regionCode(), current.legalEntityType(), status, current.version() + 1);
    var type = rejecting ? ChangeType.REJECTED : ChangeType.VERIFIED;
    return Outcome.accepted(new Change(current, after, type, fields, reason));
  }
}
