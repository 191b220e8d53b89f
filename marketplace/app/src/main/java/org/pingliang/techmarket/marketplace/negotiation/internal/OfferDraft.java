package org.pingliang.techmarket.marketplace.negotiation.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pingliang.techmarket.marketplace.listing.shared.Money;

/**
 * An offer as a client sent it, every field possibly missing. {@link #check} turns it into valid
 * {@link OfferTerms} or lists every broken rule with the field path the client used.
 */
public record OfferDraft(
    Long priceFen,
    String currency,
    List<MilestoneDraft> milestones,
    String contractType,
    String contractSubtype,
    String scope,
    Integer termMonths,
    Instant expiresAt) {

  public static final int MAX_MILESTONES = 24;
  public static final int MAX_SCOPE = 5000;
  public static final int MAX_TITLE = 200;
  public static final int MAX_TERM_MONTHS = 120;
  /** An offer stands for at most this long; nobody should be bound by a forgotten offer. */
  public static final Duration MAX_VALIDITY = Duration.ofDays(90);

  public record MilestoneDraft(Integer sequence, String title, Long amountFen, LocalDate dueDate) {}

  /** Valid terms, or the violations; never both. */
  public record Checked(OfferTerms terms, List<Violation> violations) {

    public boolean isValid() {
      return violations.isEmpty();
    }
  }

  public Checked check(Instant now) {
    var errors = new ArrayList<Violation>();
    if (priceFen == null) {
      errors.add(new Violation("price.amountFen", "required"));
    } else if (priceFen <= 0) {
      errors.add(new Violation("price.amountFen", "positive"));
    }
    if (currency == null) {
      errors.add(new Violation("price.currency", "required"));
    } else if (!Money.CNY.equals(currency)) {
      errors.add(new Violation("price.currency", "pattern"));
    }
    var type = contractType(errors);
    if (type != null && !type.accepts(blankToNull(contractSubtype))) {
      errors.add(new Violation("contractSubtype", type.subtypes().isEmpty() ? "no-subtype" : "contract-subtype"));
    }
    text(scope, "scope", MAX_SCOPE, errors);
    if (termMonths == null) {
      errors.add(new Violation("termMonths", "required"));
    } else if (termMonths < 1 || termMonths > MAX_TERM_MONTHS) {
      errors.add(new Violation("termMonths", "term-months"));
    }
    if (expiresAt == null) {
      errors.add(new Violation("expiresAt", "required"));
    } else if (!expiresAt.isAfter(now)) {
      errors.add(new Violation("expiresAt", "future"));
    } else if (expiresAt.isAfter(now.plus(MAX_VALIDITY))) {
      errors.add(new Violation("expiresAt", "offer-validity"));
    }
    var schedule = milestones(errors);
    if (!errors.isEmpty()) {
      return new Checked(null, List.copyOf(errors));
    }
    var total = schedule.stream().mapToLong(m -> m.amount().amountFen()).sum();
    if (total != priceFen) {
      return new Checked(null, List.of(new Violation("milestones", "milestone-sum")));
    }
    return new Checked(new OfferTerms(Money.cny(priceFen), schedule, type, blankToNull(contractSubtype), scope.strip(),
        termMonths, expiresAt), List.of());
  }

  private ContractType contractType(List<Violation> errors) {
    if (contractType == null || contractType.isBlank()) {
      errors.add(new Violation("contractType", "required"));
      return null;
    }
    try {
      return ContractType.valueOf(contractType.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      errors.add(new Violation("contractType", "contract-type"));
      return null;
    }
  }

  private List<OfferTerms.Milestone> milestones(List<Violation> errors) {
    if (milestones == null || milestones.isEmpty()) {
      errors.add(new Violation("milestones", "not-empty"));
      return List.of();
    }
    if (milestones.size() > MAX_MILESTONES) {
      errors.add(new Violation("milestones", "size"));
      return List.of();
    }
    var schedule = new ArrayList<OfferTerms.Milestone>();
    LocalDate previousDue = null;
    for (var i = 0; i < milestones.size(); i++) {
      var draft = milestones.get(i);
      var path = "milestones[" + i + "].";
      if (draft == null) {
        errors.add(new Violation("milestones[" + i + "]", "required"));
        continue;
      }
      if (draft.sequence() == null) {
        errors.add(new Violation(path + "sequence", "required"));
      } else if (draft.sequence() != i + 1) {
        errors.add(new Violation(path + "sequence", "milestone-sequence"));
      }
      text(draft.title(), path + "title", MAX_TITLE, errors);
      if (draft.amountFen() == null) {
        errors.add(new Violation(path + "amount.amountFen", "required"));
      } else if (draft.amountFen() <= 0) {
        errors.add(new Violation(path + "amount.amountFen", "positive"));
      }
      if (draft.dueDate() == null) {
        errors.add(new Violation(path + "dueDate", "required"));
      } else if (previousDue != null && draft.dueDate().isBefore(previousDue)) {
        errors.add(new Violation(path + "dueDate", "milestone-order"));
      }
      if (draft.dueDate() != null) {
        previousDue = draft.dueDate();
      }
      if (draft.sequence() != null && draft.title() != null && draft.amountFen() != null && draft.amountFen() > 0
          && draft.dueDate() != null) {
        schedule.add(new OfferTerms.Milestone(draft.sequence(), draft.title().strip(), Money.cny(draft.amountFen()),
            draft.dueDate()));
      }
    }
    return schedule;
  }

  private static void text(String value, String field, int max, List<Violation> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new Violation(field, "not-blank"));
    } else if (value.strip().length() > max) {
      errors.add(new Violation(field, "size"));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
  }
}
