package org.pingliang.techmarket.marketplace.payment;

import java.util.List;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.FieldError;
import org.pingliang.techmarket.marketplace.problem.ProblemType;

/** The rejections of the payment feature; details are message keys in i18n/payment*.properties. */
final class PaymentProblems {

  private PaymentProblems() {}

  /** Not there, or the caller is no party to it: both look the same. */
  static ApiProblem notFound() {
    return new ApiProblem(ProblemType.NOT_FOUND, "problem.not-found.detail");
  }

  static ApiProblem notOwner() {
    return new ApiProblem(ProblemType.FORBIDDEN, "payment.not-owner");
  }

  static ApiProblem notBuyer() {
    return new ApiProblem(ProblemType.FORBIDDEN, "payment.not-buyer");
  }

  static ApiProblem noPayoutAccount() {
    return new ApiProblem(ProblemType.NOT_FOUND, "payment.no-payout-account");
  }

  static ApiProblem contractNotPayable(String status) {
    return new ApiProblem(ProblemType.CONFLICT, "payment.contract-not-payable", status);
  }

  static ApiProblem milestoneNotPayable(String status) {
    return new ApiProblem(ProblemType.CONFLICT, "payment.milestone-not-payable", status);
  }

  static ApiProblem keyReused() {
    return new ApiProblem(ProblemType.CONFLICT, "payment.idempotency-key-reused");
  }

  static ApiProblem invalidKey() {
    return new ApiProblem(ProblemType.VALIDATION_FAILED,
        List.of(new FieldError("Idempotency-Key", "size", "problem.field.size")), "problem.validation-failed.detail");
  }

  static ApiProblem stripeUnavailable() {
    return new ApiProblem(ProblemType.SERVICE_UNAVAILABLE, "payment.stripe-unavailable");
  }

  static ApiProblem badSignature() {
    return new ApiProblem(ProblemType.MALFORMED_REQUEST, "payment.webhook-signature");
  }
}
