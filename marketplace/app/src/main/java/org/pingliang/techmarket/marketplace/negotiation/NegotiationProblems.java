package org.pingliang.techmarket.marketplace.negotiation;

import java.util.List;
import org.pingliang.techmarket.marketplace.negotiation.internal.Refusal;
import org.pingliang.techmarket.marketplace.negotiation.internal.Violation;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.FieldError;
import org.pingliang.techmarket.marketplace.problem.ProblemType;

/** The rejections of the negotiation routes, as problem+json. */
final class NegotiationProblems {

  private NegotiationProblems() {}

  /** Not there, or the caller takes no part in it: the same answer, so nothing leaks. */
  static ApiProblem notFound() {
    return new ApiProblem(ProblemType.NOT_FOUND, "problem.not-found.detail");
  }

  static ApiProblem forbidden() {
    return new ApiProblem(ProblemType.FORBIDDEN, "negotiation.forbidden");
  }

  static ApiProblem refused(Refusal refusal) {
    return new ApiProblem(ProblemType.CONFLICT, "negotiation.conflict." + refusal.code());
  }

  static ApiProblem invalid(String field, String code) {
    return invalid(List.of(new Violation(field, code)));
  }

  static ApiProblem invalid(List<Violation> violations) {
    return new ApiProblem(ProblemType.VALIDATION_FAILED,
        violations.stream().map(v -> new FieldError(v.field(), v.code(), "problem.field." + v.code())).toList(),
        "problem.validation-failed.detail");
  }
}
