package org.pingliang.techmarket.marketplace.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

  @Test
  void ids_are_version_7_with_the_rfc_variant_and_the_time_in_front() {
    var millis = 1_735_689_600_000L;
    var id = TimeOrderedIds.at(millis, new Random(1));
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    assertThat(id.toString()).startsWith("01941f29-7c00-7");
  }

  @Test
  void a_later_id_sorts_after_an_earlier_one_as_text_and_as_postgres_compares_them() {
    var earlier = TimeOrderedIds.at(1_000_000L, new Random(2));
    var later = TimeOrderedIds.at(1_000_001L, new Random(3));
    assertThat(later.toString()).isGreaterThan(earlier.toString());
  }

  @Test
  void ids_made_at_once_differ() {
    assertThat(TimeOrderedIds.next()).isNotEqualTo(TimeOrderedIds.next());
  }
}
