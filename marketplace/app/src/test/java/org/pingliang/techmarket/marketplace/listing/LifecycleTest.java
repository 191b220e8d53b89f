package org.pingliang.techmarket.marketplace.listing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.listing.shared.Lifecycle;

/** The state machine helper on a small example; each listing's own rules are tested through the API. */
class LifecycleTest {

  enum State { DRAFT, LIVE, GONE }

  enum Action { PUBLISH, REMOVE }

  private final Lifecycle<State, Action> lifecycle = Lifecycle.of(State.class, Action.class)
      .move(Action.PUBLISH, State.LIVE, State.DRAFT)
      .move(Action.REMOVE, State.GONE, State.DRAFT, State.LIVE)
      .build();

  @Test
  void an_allowed_move_names_the_next_state() {
    assertThat(lifecycle.next(State.DRAFT, Action.PUBLISH)).contains(State.LIVE);
    assertThat(lifecycle.next(State.LIVE, Action.REMOVE)).contains(State.GONE);
  }

  @Test
  void a_move_not_declared_is_refused() {
    assertThat(lifecycle.next(State.LIVE, Action.PUBLISH)).isEmpty();
    assertThat(lifecycle.next(State.GONE, Action.REMOVE)).isEmpty();
  }
}
