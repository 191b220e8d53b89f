package org.pingliang.techmarket.marketplace.listing.shared;

import java.util.List;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.FieldError;
import org.pingliang.techmarket.marketplace.problem.ProblemType;

/** The rejections every listing shares, so each reads the same to clients. */
public final class ListingProblems {

  private ListingProblems() {}

  /** Not there, or not visible to the caller: both look the same, so nothing leaks. */
  public static ApiProblem notFound() {
    return new ApiProblem(ProblemType.NOT_FOUND, "problem.not-found.detail");
  }

  public static ApiProblem forbidden() {
    return new ApiProblem(ProblemType.FORBIDDEN, "problem.forbidden.detail");
  }

  public static ApiProblem stale() {
    return new ApiProblem(ProblemType.CONFLICT, "problem.stale-version.detail");
  }

  public static ApiProblem illegalTransition(Enum<?> status, Enum<?> action) {
    return new ApiProblem(ProblemType.CONFLICT, "listing.illegal-transition", action.name(), status.name());
  }

  public static ApiProblem invalid(String field, String code) {
    return new ApiProblem(ProblemType.VALIDATION_FAILED, List.of(new FieldError(field, code, "problem.field." + code)),
        "problem.validation-failed.detail");
  }
}
