package org.pingliang.techmarket.marketplace.instrument;

import java.util.List;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.FieldError;
import org.pingliang.techmarket.marketplace.problem.ProblemType;

/** The rejections of instrument sharing (messages in i18n/instrument*.properties). */
final class InstrumentProblems {

  private InstrumentProblems() {}

  static ApiProblem notFound() {
    return new ApiProblem(ProblemType.NOT_FOUND, "problem.not-found.detail");
  }

  static ApiProblem forbidden() {
    return new ApiProblem(ProblemType.FORBIDDEN, "instrument.forbidden");
  }

  static ApiProblem notAnInstitution() {
    return new ApiProblem(ProblemType.FORBIDDEN, "instrument.not-an-institution");
  }

  static ApiProblem notAnEnterprise() {
    return new ApiProblem(ProblemType.FORBIDDEN, "instrument.not-an-enterprise");
  }

  static ApiProblem stale() {
    return new ApiProblem(ProblemType.CONFLICT, "problem.stale-version.detail");
  }

  static ApiProblem slotTaken() {
    return new ApiProblem(ProblemType.CONFLICT, "instrument.slot-taken");
  }

  static ApiProblem notBookable() {
    return new ApiProblem(ProblemType.CONFLICT, "instrument.not-bookable");
  }

  static ApiProblem illegalTransition(BookingStatus status, String action) {
    return new ApiProblem(ProblemType.CONFLICT, "instrument.illegal-transition", action, status.name());
  }

  static ApiProblem checkoutUnavailable() {
    return new ApiProblem(ProblemType.SERVICE_UNAVAILABLE, "instrument.checkout-unavailable");
  }

  static ApiProblem invalid(String field, String code) {
    return invalid(List.of(new Violation(field, code)));
  }

  static ApiProblem invalid(List<Violation> violations) {
    return new ApiProblem(ProblemType.VALIDATION_FAILED,
        violations.stream().map(v -> new FieldError(v.field(), v.code(), "problem.field." + v.code())).toList(),
        "problem.validation-failed.detail");
  }

  record Violation(String field, String code) {}
}
