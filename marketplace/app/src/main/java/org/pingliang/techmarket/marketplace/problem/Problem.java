package org.pingliang.techmarket.marketplace.problem;

import java.util.List;

/** What an exception means for the client: the type, rejected fields and a detail message key. */
record Problem(ProblemType type, List<FieldError> errors, String detailKey, Object... arguments) {

  static Problem of(ProblemType type, String detailKey, Object... arguments) {
    return new Problem(type, List.of(), detailKey, arguments);
  }

  boolean isServerError() {
    return type.status().is5xxServerError();
  }
}
