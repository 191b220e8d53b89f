package org.pingliang.techmarket.marketplace.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventIdsTest {

  @Test
  void ids_are_version_7_with_the_rfc_variant() {
    var id = EventIds.next();

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void ids_carry_their_millisecond_and_sort_by_it() {
    var earlier = EventIds.at(1_764_144_000_000L);
    var later = EventIds.at(1_764_144_000_001L);

    assertThat(earlier.getMostSignificantBits() >>> 16).isEqualTo(1_764_144_000_000L);
    assertThat(earlier.toString()).isLessThan(later.toString());
  }

  @Test
  void ids_of_the_same_millisecond_differ() {
    assertThat(EventIds.at(1_764_144_000_000L)).isNotEqualTo(EventIds.at(1_764_144_000_000L));
  }
}
