package org.pingliang.techmarket.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The county rules of service matching (a served code ending in 00 covers its subdivisions). */
class ServiceMatcherTest {

  @Test
  void a_county_is_covered_by_itself_its_city_and_its_province() {
    assertThat(ServiceMatcher.covering("620826")).containsExactly("620826", "620800", "620000");
    assertThat(ServiceMatcher.covers("620826", "620826")).isTrue();
    assertThat(ServiceMatcher.covers("620800", "620826")).isTrue();
    assertThat(ServiceMatcher.covers("620000", "620826")).isTrue();
    assertThat(ServiceMatcher.covers("620825", "620826")).isFalse();
    assertThat(ServiceMatcher.covers("620800", "610826")).isFalse();
    assertThat(ServiceMatcher.covers(null, "620826")).isFalse();
  }
}
