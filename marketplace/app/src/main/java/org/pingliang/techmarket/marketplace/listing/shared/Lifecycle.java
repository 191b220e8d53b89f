package org.pingliang.techmarket.marketplace.listing.shared;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The allowed moves of a listing's state machine: for each action, which state it leads to from
 * which states. Anything not listed is an illegal transition (409 for the client).
 */
public final class Lifecycle<S extends Enum<S>, A extends Enum<A>> {

  private final Map<A, Map<S, S>> moves;

  private Lifecycle(Map<A, Map<S, S>> moves) {
    this.moves = moves;
  }

  public static <S extends Enum<S>, A extends Enum<A>> Builder<S, A> of(Class<S> states, Class<A> actions) {
    return new Builder<>(states, actions);
  }

  /** The state after {@code action}, or empty when the action is not allowed in {@code from}. */
  public Optional<S> next(S from, A action) {
    return Optional.ofNullable(moves.getOrDefault(action, Map.of()).get(from));
  }

  /** Declares the moves; each {@code move} adds "action takes these states to that one". */
  public static final class Builder<S extends Enum<S>, A extends Enum<A>> {
    private final Class<S> states;
    private final Map<A, Map<S, S>> moves;

    private Builder(Class<S> states, Class<A> actions) {
      this.states = states;
      this.moves = new EnumMap<>(actions);
    }

    @SafeVarargs
    public final Builder<S, A> move(A action, S to, S... from) {
      var targets = moves.computeIfAbsent(action, ignored -> new EnumMap<>(states));
      for (var state : from) {
        targets.put(state, to);
      }
      return this;
    }

    public Lifecycle<S, A> build() {
      return new Lifecycle<>(moves);
    }
  }
}
