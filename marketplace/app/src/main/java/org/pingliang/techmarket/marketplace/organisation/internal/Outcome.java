package org.pingliang.techmarket.marketplace.organisation.internal;

import java.util.List;
import java.util.function.Function;

/**
 * The result of applying a rule: the accepted value, or a refusal with its reason. Expected
 * rejections are values, not exceptions, so rules compose and tests read as scenarios.
 */
public sealed interface Outcome<T> {

  /** The rule accepted; {@code value} is what comes next. */
  record Accepted<T>(T value) implements Outcome<T> {}

  /**
   * The rule refused.
   *
   * @param reason kebab-case reason, stable for clients and message keys ({@code last-owner})
   */
  record Refused<T>(Refusal refusal, String reason, List<Violation> violations) implements Outcome<T> {

    public Refused {
      violations = List.copyOf(violations);
    }

    <U> Refused<U> retyped() {
      return new Refused<>(refusal, reason, violations);
    }
  }

  static <T> Outcome<T> accepted(T value) {
    return new Accepted<>(value);
  }

  static <T> Outcome<T> invalid(List<Violation> violations) {
    return new Refused<>(Refusal.INVALID, "validation-failed", violations);
  }

  static <T> Outcome<T> malformed(List<Violation> violations) {
    return new Refused<>(Refusal.MALFORMED, "malformed", violations);
  }

  static <T> Outcome<T> forbidden(String reason, Violation... violations) {
    return new Refused<>(Refusal.FORBIDDEN, reason, List.of(violations));
  }

  static <T> Outcome<T> notFound() {
    return new Refused<>(Refusal.NOT_FOUND, "not-found", List.of());
  }

  static <T> Outcome<T> conflict(String reason, Violation... violations) {
    return new Refused<>(Refusal.CONFLICT, reason, List.of(violations));
  }

  /** Applies the next rule to an accepted value; a refusal passes through unchanged. */
  default <U> Outcome<U> then(Function<? super T, Outcome<U>> next) {
    return switch (this) {
      case Accepted<T> accepted -> next.apply(accepted.value());
      case Refused<T> refused -> refused.retyped();
    };
  }

  default <U> Outcome<U> map(Function<? super T, ? extends U> mapper) {
    return then(value -> accepted(mapper.apply(value)));
  }
}
