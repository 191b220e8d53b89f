package org.pingliang.techmarket.marketplace.contract;

import java.util.List;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.FieldError;
import org.pingliang.techmarket.marketplace.problem.ProblemType;

/** The rejections of the contract feature, as problem+json (messages in i18n/contract*.properties). */
final class ContractProblems {

  private ContractProblems() {}

  /** Not there, or not visible to the caller: both read the same, so nothing leaks. */
  static ApiProblem notFound() {
    return new ApiProblem(ProblemType.NOT_FOUND, "problem.not-found.detail");
  }

  static ApiProblem forbidden() {
    return new ApiProblem(ProblemType.FORBIDDEN, "contract.forbidden");
  }

  static ApiProblem stale() {
    return new ApiProblem(ProblemType.CONFLICT, "problem.stale-version.detail");
  }

  static ApiProblem illegalTransition(ContractStatus status, ContractAction action) {
    return new ApiProblem(ProblemType.CONFLICT, "contract.illegal-transition", action.name(), status.name());
  }

  static ApiProblem milestoneNotReady(int sequence, MilestoneStatus status) {
    return new ApiProblem(ProblemType.CONFLICT, "contract.milestone-not-ready", sequence, status.name());
  }

  static ApiProblem invalid(String field, String code) {
    return invalid(List.of(new Terms.Violation(field, code)));
  }

  static ApiProblem invalid(List<Terms.Violation> violations) {
    return new ApiProblem(ProblemType.VALIDATION_FAILED,
        violations.stream().map(v -> new FieldError(v.field(), v.code(), "problem.field." + v.code())).toList(),
        "problem.validation-failed.detail");
  }

  static ApiProblem incomplete(List<Terms.Violation> missing) {
    return new ApiProblem(ProblemType.VALIDATION_FAILED,
        missing.stream().map(v -> new FieldError(v.field(), v.code(), "problem.field." + v.code())).toList(),
        "contract.incomplete");
  }
}
