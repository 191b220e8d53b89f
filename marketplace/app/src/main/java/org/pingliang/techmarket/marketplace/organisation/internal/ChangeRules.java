package org.pingliang.techmarket.marketplace.organisation.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.LegalEntityType;
import org.pingliang.techmarket.marketplace.organisation.Organisation;
import org.pingliang.techmarket.marketplace.organisation.VerificationStatus;

/**
 * ChangeRules an organisation's details. The change must be based on the current version. Name,
 * credit code and legal-entity type are its legal identity, which an administrator verified: when
 * they change, the organisation waits for verification again. A rejected organisation goes back to
 * verification with any change, since the owner is fixing what was refused.
 */
public final class ChangeRules {

  private ChangeRules() {}

  /** Assumes the actor may change the organisation ({@link Access#toChange}). */
  public static Outcome<Change> change(Organisation current, Actor actor, long basedOnVersion, ChangeForm form) {
    if (basedOnVersion != current.version()) {
      return Outcome.conflict("stale-version", new Violation("version", "stale"));
    }
    var checks = new FormChecks();
    var name = checks.name("name", form.name());
    var regionCode = checks.regionCode("regionCode", form.regionCode());
    var legalEntityType = checks.legalEntityType("legalEntityType", form.legalEntityType());
    var creditCode = form.creditCode() == null ? current.creditCode() : checks.creditCode("creditCode", form.creditCode());
    if (!checks.passed()) {
      return checks.outcome(() -> null);
    }
    if (!creditCode.equals(current.creditCode()) && !actor.isAdmin()) {
      return Outcome.forbidden("credit-code-admin-only", new Violation("creditCode", "admin-only"));
    }
    var fields = new LinkedHashMap<String, FieldChange>();
    diff(fields, "name", current.name(), name);
    diff(fields, "creditCode", current.creditCode().value(), creditCode.value());
    diff(fields, "regionCode", current.regionCode().value(), regionCode.value());
    diff(fields, "legalEntityType", text(current.legalEntityType()), text(legalEntityType));
    var status = statusAfter(current, fields);
    diff(fields, "verificationStatus", current.verificationStatus().name(), status.name());
    var version = fields.isEmpty() ? current.version() : current.version() + 1;
    var after = new Organisation(current.id(), name, current.kind(), creditCode, regionCode, legalEntityType, status,
        version);
    return Outcome.accepted(new Change(current, after, ChangeType.UPDATED, fields, null));
  }

  private static VerificationStatus statusAfter(Organisation current, Map<String, FieldChange> fields) {
    var identityChanged = fields.containsKey("name") || fields.containsKey("creditCode")
        || fields.containsKey("legalEntityType");
    return switch (current.verificationStatus()) {
      case VERIFIED -> identityChanged ? VerificationStatus.PENDING : VerificationStatus.VERIFIED;
      case REJECTED -> fields.isEmpty() ? VerificationStatus.REJECTED : VerificationStatus.PENDING;
      case PENDING -> VerificationStatus.PENDING;
    };
  }

  static void diff(Map<String, FieldChange> fields, String field, String before, String after) {
    if (!Objects.equals(before, after)) {
      fields.put(field, new FieldChange(before, after));
    }
  }

  /** {@code PUBLIC_INSTITUTION/HIGHER_EDUCATION}: one readable value for the history. */
  static String text(LegalEntityType type) {
    return type.subtype() == null ? type.category().name() : type.category() + "/" + type.subtype();
  }
}
