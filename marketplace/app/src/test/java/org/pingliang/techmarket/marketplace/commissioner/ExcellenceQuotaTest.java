package org.pingliang.techmarket.marketplace.commissioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The 优秀 cap: floor(n × percent / 100), at least 1 when n ≥ 1, never above n. */
class ExcellenceQuotaTest {

  private final ExcellenceQuota thirty = new ExcellenceQuota(30);

  @Test
  void no_commissioners_means_no_excellent_grade() {
    assertThat(thirty.cap(0)).isZero();
    assertThat(thirty.allowsAnother(0, 0)).isFalse();
  }

  @Test
  void a_tiny_region_still_may_honour_one() {
    assertThat(thirty.cap(1)).isEqualTo(1);
    assertThat(thirty.cap(2)).isEqualTo(1);
    assertThat(thirty.cap(3)).isEqualTo(1);
    assertThat(thirty.allowsAnother(1, 0)).isTrue();
    assertThat(thirty.allowsAnother(1, 1)).isFalse();
  }

  @Test
  void the_cap_rounds_down() {
    assertThat(thirty.cap(6)).isEqualTo(1);
    assertThat(thirty.cap(7)).isEqualTo(2);
    assertThat(thirty.cap(9)).isEqualTo(2);
    assertThat(thirty.cap(10)).isEqualTo(3);
    assertThat(thirty.cap(1200)).isEqualTo(360);
  }

  @Test
  void exactly_at_the_cap_is_allowed_and_one_over_is_not() {
    assertThat(thirty.allowsAnother(10, 2)).isTrue();
    assertThat(thirty.allowsAnother(10, 3)).isFalse();
    assertThat(thirty.allowsAnother(10, 4)).isFalse();
  }

  @Test
  void the_edges_of_the_percent() {
    assertThat(new ExcellenceQuota(0).cap(10)).isZero();
    assertThat(new ExcellenceQuota(100).cap(10)).isEqualTo(10);
    assertThat(new ExcellenceQuota(100).cap(1)).isEqualTo(1);
    assertThatThrownBy(() -> new ExcellenceQuota(101)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExcellenceQuota(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
