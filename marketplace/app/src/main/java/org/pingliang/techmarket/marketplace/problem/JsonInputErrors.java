package org.pingliang.techmarket.marketplace.problem;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns Jackson's reading errors into field errors a client can act on. */
final class JsonInputErrors {

  /** The JSON document itself, when no field can be named. */
  static final String ROOT = "$";

  private JsonInputErrors() {}

  static Problem toProblem(JacksonException error) {
    return switch (error) {
      case UnrecognizedPropertyException unknown -> fieldProblem(path(unknown), "unknown-field", "problem.field.unknown");
      case InvalidNullException missing -> fieldProblem(path(missing), "required", "problem.field.required");
      case MismatchedInputException mismatch -> fieldProblem(path(mismatch), "wrong-type", "problem.field.wrong-type");
      case DatabindException other -> fieldProblem(path(other), "invalid-value", "problem.field.invalid-value");
      case StreamReadException syntax -> new Problem(ProblemType.MALFORMED_REQUEST,
          List.of(new FieldError(ROOT, "malformed-json", "problem.field.malformed-json")),
          "problem.malformed-json.detail", line(syntax), column(syntax));
      default -> new Problem(ProblemType.MALFORMED_REQUEST,
          List.of(new FieldError(ROOT, "malformed-json", "problem.field.malformed-json")),
          "problem.unreadable-body.detail");
    };
  }

  private static Problem fieldProblem(String field, String code, String messageKey) {
    return new Problem(ProblemType.MALFORMED_REQUEST, List.of(new FieldError(field, code, messageKey)),
        "problem.invalid-body.detail");
  }

  /** The JSON path as the client wrote it: {@code offers[2].price.amountFen}. */
  static String path(DatabindException error) {
    var path = new StringBuilder();
    for (var reference : error.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? ROOT : path.toString();
  }

  private static int line(StreamReadException error) {
    return error.getLocation() == null ? 0 : error.getLocation().getLineNr();
  }

  private static int column(StreamReadException error) {
    return error.getLocation() == null ? 0 : error.getLocation().getColumnNr();
  }
}
