package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

  @Test
  void the_published_example_code_is_valid() {
    assertThat(UnifiedSocialCreditCode.parse("91350100M000100Y43")).isPresent();
  }

  @Test
  void input_is_normalised_before_checking() {
    assertThat(UnifiedSocialCreditCode.parse("  91350100m000100y43 ").orElseThrow().value())
        .isEqualTo("91350100M000100Y43");
  }

  @Test
  void a_check_digit_of_31_wraps_to_zero_and_letters_are_checked_too() {
    assertThat(UnifiedSocialCreditCode.parse("91620800MA7100000E")).isPresent();
    assertThat(UnifiedSocialCreditCode.parse("12620800438000000P").orElseThrow().regionCode()).isEqualTo("620800");
  }

  @ParameterizedTest
  @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y4", "91350100M000100Y433", "91350100I000100Y43",
      "91350100O000100Y43", "", "９１350100M000100Y43"})
  void wrong_check_digit_length_or_alphabet_is_refused(String code) {
    assertThat(UnifiedSocialCreditCode.parse(code)).isEmpty();
  }

  @Test
  void an_invalid_code_cannot_be_constructed() {
    assertThatThrownBy(() -> new UnifiedSocialCreditCode("91350100M000100Y44"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
