package org.pingliang.techmarket.marketplace.voucher;

import java.util.List;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.FieldError;
import org.pingliang.techmarket.marketplace.problem.ProblemType;

/** The rejections of vouchers, checkout and provider services; details are keys in i18n/voucher*.properties. */
final class VoucherProblems {

  private VoucherProblems() {}

  /** Not there, or the caller may not know it exists: both look the same. */
  static ApiProblem notFound() {
    return new ApiProblem(ProblemType.NOT_FOUND, "problem.not-found.detail");
  }

  static ApiProblem forbidden(String key) {
    return new ApiProblem(ProblemType.FORBIDDEN, key);
  }

  static ApiProblem conflict(String key, Object... arguments) {
    return new ApiProblem(ProblemType.CONFLICT, key, arguments);
  }

  static ApiProblem invalid(String field, String code) {
    return new ApiProblem(ProblemType.VALIDATION_FAILED, List.of(new FieldError(field, code, "problem.field." + code)),
        "problem.validation-failed.detail");
  }

  static ApiProblem keyReused() {
    return conflict("voucher.idempotency-key-reused");
  }
}
