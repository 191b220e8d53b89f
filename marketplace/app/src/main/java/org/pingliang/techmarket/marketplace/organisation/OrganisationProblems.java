package org.pingliang.techmarket.marketplace.organisation;

import java.util.List;
import java.util.Locale;
import org.pingliang.techmarket.marketplace.organisation.internal.Outcome;
import org.pingliang.techmarket.marketplace.organisation.internal.Refusal;
import org.pingliang.techmarket.marketplace.organisation.internal.Violation;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.FieldError;
import org.pingliang.techmarket.marketplace.problem.ProblemType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Where the rules' refusals become problem+json: the refusal picks the status, the reason the
 * detail, and each violation a field error with a message from i18n/organisation*.properties.
 */
@Component
class OrganisationProblems {

  private final MessageSource messages;

  OrganisationProblems(MessageSource messages) {
    this.messages = messages;
  }

  <T> Mono<T> orError(Outcome<T> outcome) {
    return switch (outcome) {
      case Outcome.Accepted<T> accepted -> Mono.just(accepted.value());
      case Outcome.Refused<T> refused -> Mono.error(problem(refused));
    };
  }

  ApiProblem problem(Outcome.Refused<?> refused) {
    var errors = refused.violations().stream()
        .map(violation -> new FieldError(violation.field(), violation.code(), messageKey(violation)))
        .toList();
    return new ApiProblem(type(refused.refusal()), errors, detailKey(refused));
  }

  ApiProblem notFound() {
    return new ApiProblem(ProblemType.NOT_FOUND, "problem.not-found.detail");
  }

  ApiProblem staleVersion() {
    return new ApiProblem(ProblemType.CONFLICT, "problem.stale-version.detail");
  }

  /** Credit codes are public, so saying one is taken reveals nothing; which organisation holds it, we do not say. */
  ApiProblem creditCodeTaken() {
    return problem(new Outcome.Refused<>(Refusal.CONFLICT, "credit-code-taken",
        List.of(new Violation("creditCode", "taken"))));
  }

  ApiProblem alreadyMember() {
    return problem(new Outcome.Refused<>(Refusal.CONFLICT, "already-member",
        List.of(new Violation("subject", "already-member"))));
  }

  private static ProblemType type(Refusal refusal) {
    return switch (refusal) {
      case MALFORMED -> ProblemType.MALFORMED_REQUEST;
      case INVALID -> ProblemType.VALIDATION_FAILED;
      case FORBIDDEN -> ProblemType.FORBIDDEN;
      case NOT_FOUND -> ProblemType.NOT_FOUND;
      case CONFLICT -> ProblemType.CONFLICT;
    };
  }

  private static String detailKey(Outcome.Refused<?> refused) {
    return switch (refused.reason()) {
      case "validation-failed" -> "problem.validation-failed.detail";
      case "malformed" -> "problem.invalid-parameter.detail";
      case "not-found" -> "problem.not-found.detail";
      case "stale-version" -> "problem.stale-version.detail";
      default -> "organisation.problem." + refused.reason() + ".detail";
    };
  }

  /** A message for this field and reason if there is one ({@code creditCode.format}), else for the reason. */
  private String messageKey(Violation violation) {
    var specific = "organisation.field." + violation.field() + "." + violation.code();
    return messages.getMessage(specific, null, null, Locale.ROOT) != null
        ? specific
        : "organisation.field." + violation.code();
  }
}
