package org.pingliang.techmarket.marketplace.problem;

import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;

/**
 * Decides what any exception means for the client. Expected rejections become 4xx problems with
 * what the client needs to fix; an unreachable dependency is 503; everything else is a 500 that
 * tells nothing about the internals.
 */
final class ProblemMapping {

  private ProblemMapping() {}

  static Problem map(Throwable error) {
    return switch (error) {
      case ApiProblem problem -> new Problem(problem.type(), problem.errors(), problem.detailKey(), problem.arguments());
      case WebExchangeBindException invalid -> validation(invalid);
      case UnsupportedMediaTypeStatusException unsupported -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "problem.unsupported-media-type.detail", String.valueOf(unsupported.getContentType()),
          String.valueOf(unsupported.getSupportedMediaTypes()));
      case NotAcceptableStatusException ignored -> Problem.of(ProblemType.NOT_ACCEPTABLE, "problem.not-acceptable.detail");
      case MethodNotAllowedException notAllowed -> Problem.of(ProblemType.METHOD_NOT_ALLOWED,
          "problem.method-not-allowed.detail", notAllowed.getHttpMethod());
      case ServerWebInputException input -> input(input);
      case ResponseStatusException status -> byStatus(status.getStatusCode().value());
      case AuthenticationException ignored -> Problem.of(ProblemType.UNAUTHORIZED, "problem.unauthorized.detail");
      case AccessDeniedException ignored -> Problem.of(ProblemType.FORBIDDEN, "problem.forbidden.detail");
      case OptimisticLockingFailureException ignored -> Problem.of(ProblemType.CONFLICT, "problem.stale-version.detail");
      case DataIntegrityViolationException ignored -> Problem.of(ProblemType.CONFLICT, "problem.conflict.detail");
      case DataAccessResourceFailureException ignored -> unavailable();
      case TransientDataAccessException ignored -> unavailable();
      case DataBufferLimitException ignored -> tooLarge();
      default -> unavailableCause(error);
    };
  }

  private static Problem validation(WebExchangeBindException invalid) {
    var errors = invalid.getFieldErrors().stream()
        .map(e -> new FieldError(e.getField(), code(e.getCode()), "problem.field." + code(e.getCode())))
        .toList();
    return new Problem(ProblemType.VALIDATION_FAILED, errors, "problem.validation-failed.detail");
  }

  private static Problem input(ServerWebInputException input) {
    for (Throwable cause = input.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof DataBufferLimitException) {
        return tooLarge();
      }
      if (cause instanceof JacksonException jackson) {
        return JsonInputErrors.toProblem(jackson);
      }
      if (cause instanceof TypeMismatchException mismatch) {
        var name = input.getMethodParameter() == null ? mismatch.getPropertyName()
            : input.getMethodParameter().getParameterName();
        return new Problem(ProblemType.MALFORMED_REQUEST,
            List.of(new FieldError(name == null ? JsonInputErrors.ROOT : name, "wrong-type", "problem.field.wrong-type")),
            "problem.invalid-parameter.detail");
      }
      if (cause instanceof DecodingException) {
        continue;
      }
    }
    var reason = input.getReason() == null ? "" : input.getReason();
    if (reason.startsWith("No request body") || reason.contains("body is missing")) {
      return new Problem(ProblemType.MALFORMED_REQUEST,
          List.of(new FieldError(JsonInputErrors.ROOT, "required", "problem.field.body-required")),
          "problem.body-required.detail");
    }
    return Problem.of(ProblemType.MALFORMED_REQUEST, "problem.unreadable-body.detail");
  }

  private static Problem byStatus(int status) {
    var type = ProblemType.forStatus(status);
    return Problem.of(type, type == ProblemType.NOT_FOUND ? "problem.not-found.detail" : null);
  }

  private static Problem tooLarge() {
    return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "problem.payload-too-large.detail");
  }

  private static Problem unavailable() {
    return Problem.of(ProblemType.SERVICE_UNAVAILABLE, "problem.service-unavailable.detail");
  }

  /** A connection failure deep in a driver is still "try again later", not a bug. */
  private static Problem unavailableCause(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException
          || cause instanceof io.r2dbc.spi.R2dbcNonTransientResourceException
          || cause instanceof io.r2dbc.spi.R2dbcTransientResourceException
          || cause instanceof java.util.concurrent.TimeoutException) {
        return unavailable();
      }
    }
    return Problem.of(ProblemType.INTERNAL_ERROR, "problem.internal-error.detail");
  }

  /** {@code NotBlank} becomes {@code not-blank}: stable codes in the API's kebab style. */
  static String code(String constraint) {
    if (constraint == null) {
      return "invalid";
    }
    return constraint.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
