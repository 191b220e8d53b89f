package org.pingliang.techmarket.marketplace.listing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pingliang.techmarket.marketplace.listing.shared.PatentApplicationNumber;

class PatentApplicationNumberTest {

  @Test
  void a_twelve_digit_number_with_the_right_check_character_is_valid() {
    assertThat(PatentApplicationNumber.parse("202310123456.6")).isPresent();
  }

  @Test
  void a_check_value_of_ten_is_written_x() {
    assertThat(PatentApplicationNumber.parse("201710000001.X")).isPresent();
    assertThat(PatentApplicationNumber.parse("201710000001.x").orElseThrow().value()).isEqualTo("201710000001.X");
  }

  @Test
  void the_usual_prefixes_and_spaces_are_accepted() {
    assertThat(PatentApplicationNumber.parse("ZL 202310123456.6").orElseThrow().value()).isEqualTo("202310123456.6");
    assertThat(PatentApplicationNumber.parse("CN202310123456.6")).isPresent();
  }

  @Test
  void the_old_eight_digit_form_is_checked_with_its_own_weights() {
    // 9 9 1 2 3 4 5 6 weighted 2..9 = 18+27+4+10+18+28+40+54 = 199; 199 mod 11 = 1
    assertThat(PatentApplicationNumber.parse("99123456.1")).isPresent();
    assertThat(PatentApplicationNumber.parse("99123456.2")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"202310123456.7", "202310123456", "20231012345.6", "2023101234567.6", "202310123456-6",
      "ABCDEFGHIJKL.1", ""})
  void a_wrong_check_character_or_shape_is_refused(String number) {
    assertThat(PatentApplicationNumber.parse(number)).isEmpty();
  }
}
