package org.pingliang.techmarket.marketplace.problem;

import java.util.List;

/**
 * An expected rejection, raised by application code and rendered as problem+json. The detail is a
 * message key (translated) or plain text when no key matches; arguments fill its placeholders.
 */
public class ApiProblem extends RuntimeException {

  private final ProblemType type;
  private final transient Object[] arguments;
  private final List<FieldError> errors;

  public ApiProblem(ProblemType type, String detailKey, Object... arguments) {
    this(type, List.of(), detailKey, arguments);
  }

  public ApiProblem(ProblemType type, List<FieldError> errors, String detailKey, Object... arguments) {
    super(detailKey, null, false, false);
    this.type = type;
    this.arguments = arguments.clone();
    this.errors = List.copyOf(errors);
  }

  public ProblemType type() {
    return type;
  }

  public String detailKey() {
    return getMessage();
  }

  public Object[] arguments() {
    return arguments.clone();
  }

  public List<FieldError> errors() {
    return errors;
  }
}
