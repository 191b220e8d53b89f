package org.pingliang.techmarket.marketplace.credit;

import java.util.List;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.FieldError;
import org.pingliang.techmarket.marketplace.problem.ProblemType;

/** The rejections of the credit feature, as problem+json (messages in i18n/credit*.properties). */
final class CreditProblems {

  private CreditProblems() {}

  /** Not there, or the caller takes no part in it: both read the same, so nothing leaks. */
  static ApiProblem notFound() {
    return new ApiProblem(ProblemType.NOT_FOUND, "problem.not-found.detail");
  }

  static ApiProblem forbidden() {
    return new ApiProblem(ProblemType.FORBIDDEN, "credit.forbidden");
  }

  static ApiProblem alreadyRated() {
    return new ApiProblem(ProblemType.CONFLICT, "credit.already-rated");
  }

  static ApiProblem alreadyBanned() {
    return new ApiProblem(ProblemType.CONFLICT, "credit.already-banned");
  }

  static ApiProblem banLifted() {
    return new ApiProblem(ProblemType.CONFLICT, "credit.ban-not-in-force");
  }

  static ApiProblem invalid(String field, String code) {
    return new ApiProblem(ProblemType.VALIDATION_FAILED, List.of(new FieldError(field, code, "problem.field." + code)),
        "problem.validation-failed.detail");
  }
}
