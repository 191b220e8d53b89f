package org.pingliang.techmarket.marketplace.search;

import java.util.List;
import java.util.Set;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.FieldError;
import org.pingliang.techmarket.marketplace.problem.ProblemType;
import org.pingliang.techmarket.search.query.InvalidSearchException;
import org.pingliang.techmarket.search.query.SearchUnavailableException;

/**
 * What the search library's failures mean to a client: a parameter that cannot be read is a 400, one
 * that breaks a rule (too large a page, min above max) a 422, an unreachable cluster a 503 with
 * Retry-After (added by the problem handler).
 */
final class SearchProblems {

  /** Codes of values that could be read but break a rule. */
  private static final Set<String> RULES = Set.of("max", "min", "range", "unavailable", "size", "not-blank");

  private SearchProblems() {}

  static Throwable translate(Throwable error) {
    return switch (error) {
      case InvalidSearchException invalid -> invalid(invalid.field(), invalid.code());
      case SearchUnavailableException ignored -> new ApiProblem(ProblemType.SERVICE_UNAVAILABLE, "search.unavailable");
      // The embedding model's queue is full: overloaded, try again shortly.
      case java.util.concurrent.RejectedExecutionException ignored ->
          new ApiProblem(ProblemType.SERVICE_UNAVAILABLE, "search.unavailable");
      default -> error;
    };
  }

  static ApiProblem invalid(String field, String code) {
    var rule = RULES.contains(code);
    return new ApiProblem(rule ? ProblemType.VALIDATION_FAILED : ProblemType.MALFORMED_REQUEST,
        List.of(new FieldError(field, code, "search.field." + code)),
        rule ? "problem.validation-failed.detail" : "problem.invalid-parameter.detail");
  }
}
