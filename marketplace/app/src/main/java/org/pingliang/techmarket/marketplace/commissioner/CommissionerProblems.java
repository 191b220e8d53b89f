package org.pingliang.techmarket.marketplace.commissioner;

import java.util.List;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.FieldError;
import org.pingliang.techmarket.marketplace.problem.ProblemType;

/** The rejections of the commissioner feature (messages in i18n/commissioner*.properties). */
final class CommissionerProblems {

  private CommissionerProblems() {}

  static ApiProblem notFound() {
    return new ApiProblem(ProblemType.NOT_FOUND, "problem.not-found.detail");
  }

  static ApiProblem forbidden(String key) {
    return new ApiProblem(ProblemType.FORBIDDEN, key);
  }

  static ApiProblem conflict(String key, Object... arguments) {
    return new ApiProblem(ProblemType.CONFLICT, key, arguments);
  }

  static ApiProblem stale() {
    return new ApiProblem(ProblemType.CONFLICT, "problem.stale-version.detail");
  }

  static ApiProblem rule(String key, Object... arguments) {
    return new ApiProblem(ProblemType.VALIDATION_FAILED, key, arguments);
  }

  static ApiProblem invalid(String field, String code) {
    return new ApiProblem(ProblemType.VALIDATION_FAILED,
        List.of(new FieldError(field, code, "problem.field." + code)), "problem.validation-failed.detail");
  }
}
