package org.pingliang.techmarket.marketplace.organisation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.pingliang.techmarket.marketplace.organisation.LegalEntityType;
import org.pingliang.techmarket.marketplace.organisation.RegionCode;
import org.pingliang.techmarket.marketplace.organisation.UnifiedSocialCreditCode;

/**
 * Checks the fields of one form and collects every violation, so a client learns all it must fix
 * at once. Each check returns the parsed value, or {@code null} after recording why not.
 */
final class FormChecks {

  static final int NAME_MAX = 200;
  static final int REASON_MAX = 1000;

  private final List<Violation> violations = new ArrayList<>();

  <T> T required(String field, T value) {
    return value == null ? refuse(field, "required") : value;
  }

  String name(String field, String value) {
    if (value == null) {
      return refuse(field, "required");
    }
    if (!Text.hasSubstance(value)) {
      return refuse(field, "not-blank");
    }
    if (Text.length(value) > NAME_MAX) {
      return refuse(field, "size");
    }
    return Text.isSingleLine(value) ? value : refuse(field, "invalid-characters");
  }

  /** Free text such as a reason; {@code null} stays {@code null} unless required. */
  String text(String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      return required ? refuse(field, "required") : null;
    }
    if (Text.length(value) > REASON_MAX) {
      return refuse(field, "size");
    }
    return Text.isMultiLine(value) ? value : refuse(field, "invalid-characters");
  }

  UnifiedSocialCreditCode creditCode(String field, String value) {
    if (value == null) {
      return refuse(field, "required");
    }
    var normalised = value.strip().toUpperCase(Locale.ROOT);
    if (!UnifiedSocialCreditCode.isWellFormed(normalised)) {
      return refuse(field, "format");
    }
    return UnifiedSocialCreditCode.parse(normalised).orElseGet(() -> refuse(field, "check-digit"));
  }

  RegionCode regionCode(String field, String value) {
    if (value == null) {
      return refuse(field, "required");
    }
    if (!RegionCode.isWellFormed(value)) {
      return refuse(field, "format");
    }
    return RegionCode.parse(value).orElseGet(() -> refuse(field, "unknown-province"));
  }

  LegalEntityType legalEntityType(String field, LegalEntityForm form) {
    if (form == null) {
      return refuse(field, "required");
    }
    if (form.category() == null) {
      return refuse(field + ".category", "required");
    }
    if (form.category() == LegalEntityType.Category.PUBLIC_INSTITUTION && form.subtype() == null) {
      return refuse(field + ".subtype", "required");
    }
    if (!LegalEntityType.isConsistent(form.category(), form.subtype())) {
      return refuse(field + ".subtype", "not-allowed");
    }
    return new LegalEntityType(form.category(), form.subtype());
  }

  void refuseIf(boolean broken, String field, String code) {
    if (broken) {
      refuse(field, code);
    }
  }

  boolean passed() {
    return violations.isEmpty();
  }

  <T> Outcome<T> outcome(Supplier<T> value) {
    return passed() ? Outcome.accepted(value.get()) : Outcome.invalid(violations);
  }

  private <T> T refuse(String field, String code) {
    violations.add(new Violation(field, code));
    return null;
  }
}
