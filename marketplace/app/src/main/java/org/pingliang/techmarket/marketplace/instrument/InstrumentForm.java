package org.pingliang.techmarket.marketplace.instrument;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.instrument.InstrumentProblems.Violation;
import org.pingliang.techmarket.marketplace.listing.shared.MoneyForm;

/** An instrument as clients send it; {@link #check()} answers every rule it breaks. */
record InstrumentForm(
    UUID organisationId,
    String name,
    String model,
    InstrumentCategory category,
    String description,
    String location,
    String countyCode,
    MoneyForm hourlyFee,
    String bookingRules,
    Integer maxHoursPerBooking,
    Integer minNoticeHours,
    List<WindowForm> availability,
    Instrument.Status status,
    Long version) {

  record WindowForm(Integer dayOfWeek, Integer startHour, Integer endHour) {}

  List<Violation> check() {
    var violations = new ArrayList<Violation>();
    text(violations, "name", name, 200, true);
    text(violations, "model", model, 200, true);
    text(violations, "location", location, 500, true);
    text(violations, "description", description, 5000, false);
    text(violations, "bookingRules", bookingRules, 2000, false);
    if (category == null) {
      violations.add(new Violation("category", "required"));
    }
    // Pingliang's counties and districts (GB/T 2260 6208xx).
    if (countyCode == null) {
      violations.add(new Violation("countyCode", "required"));
    } else if (!countyCode.matches("6208[0-9]{2}")) {
      violations.add(new Violation("countyCode", "administrative-division"));
    }
    if (hourlyFee == null || hourlyFee.amountFen() == null) {
      violations.add(new Violation("hourlyFee", "required"));
    } else if (hourlyFee.amountFen() < 0) {
      violations.add(new Violation("hourlyFee.amountFen", "positive-or-zero"));
    } else if (!"CNY".equals(hourlyFee.currency())) {
      violations.add(new Violation("hourlyFee.currency", "pattern"));
    }
    if (maxHoursPerBooking == null) {
      violations.add(new Violation("maxHoursPerBooking", "required"));
    } else if (maxHoursPerBooking < 1 || maxHoursPerBooking > 24) {
      violations.add(new Violation("maxHoursPerBooking", "hours-range"));
    }
    if (minNoticeHours != null && (minNoticeHours < 0 || minNoticeHours > 720)) {
      violations.add(new Violation("minNoticeHours", "notice-range"));
    }
    if (availability == null || availability.isEmpty()) {
      violations.add(new Violation("availability", "required"));
    } else {
      for (var i = 0; i < availability.size(); i++) {
        var w = availability.get(i);
        var field = "availability[" + i + "]";
        if (w == null || w.dayOfWeek() == null || w.startHour() == null || w.endHour() == null) {
          violations.add(new Violation(field, "required"));
        } else if (w.dayOfWeek() < 1 || w.dayOfWeek() > 7 || w.startHour() < 0 || w.endHour() > 24
            || w.startHour() >= w.endHour()) {
          violations.add(new Violation(field, "window"));
        }
      }
      if (violations.stream().noneMatch(v -> v.field().startsWith("availability"))) {
        var sorted = availability.stream()
            .sorted(Comparator.comparing(WindowForm::dayOfWeek).thenComparing(WindowForm::startHour)).toList();
        for (var i = 1; i < sorted.size(); i++) {
          var a = sorted.get(i - 1);
          var b = sorted.get(i);
          if (a.dayOfWeek().equals(b.dayOfWeek()) && b.startHour() < a.endHour()) {
            violations.add(new Violation("availability", "windows-overlap"));
            break;
          }
        }
      }
    }
    return violations;
  }

  Instrument.Content toContent() {
    return new Instrument.Content(name.strip(), model.strip(), category, description == null ? "" : description.strip(),
        location.strip(), countyCode, hourlyFee.amountFen(), bookingRules == null ? "" : bookingRules.strip(),
        maxHoursPerBooking, minNoticeHours == null ? 0 : minNoticeHours,
        availability.stream().map(w -> new Instrument.Window(w.dayOfWeek(), w.startHour(), w.endHour()))
            .sorted(Comparator.comparing(Instrument.Window::dayOfWeek).thenComparing(Instrument.Window::startHour))
            .toList());
  }

  private static void text(List<Violation> violations, String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        violations.add(new Violation(field, "not-blank"));
      }
    } else if (value.strip().codePointCount(0, value.strip().length()) > max) {
      violations.add(new Violation(field, "size"));
    }
  }
}
