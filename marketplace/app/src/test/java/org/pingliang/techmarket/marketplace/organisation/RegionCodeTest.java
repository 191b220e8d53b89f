package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTest {

  @ParameterizedTest
  @ValueSource(strings = {"110000", "150000", "210000", "230000", "310000", "370000", "410000", "460000", "500000",
      "540000", "610000", "650000", "710000", "810000", "820000", "620800", "620881"})
  void every_province_level_prefix_is_accepted(String code) {
    assertThat(RegionCode.parse(code)).map(RegionCode::value).contains(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"000000", "100000", "160000", "200000", "240000", "300000", "380000", "400000", "470000",
      "490000", "550000", "600000", "660000", "700000", "720000", "800000", "830000", "990000"})
  void a_prefix_that_is_no_province_is_refused(String code) {
    assertThat(RegionCode.isWellFormed(code)).isTrue();
    assertThat(RegionCode.hasKnownProvince(code)).isFalse();
    assertThat(RegionCode.parse(code)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "62080", "6208000", "62O800", " 620800", "620800 ", "６２０８００", "62-800", "+62080"})
  void anything_but_six_ascii_digits_is_refused(String code) {
    assertThat(RegionCode.isWellFormed(code)).isFalse();
    assertThat(RegionCode.parse(code)).isEmpty();
  }

  @Test
  void null_is_no_code() {
    assertThat(RegionCode.parse(null)).isEmpty();
  }

  @Test
  void an_invalid_code_cannot_be_constructed() {
    assertThatThrownBy(() -> new RegionCode("990000")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RegionCode("abc")).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
      "620800, 平凉市, Pingliang City", "620802, 崆峒区, Kongtong District", "620821, 泾川县, Jingchuan County",
      "620822, 灵台县, Lingtai County", "620823, 崇信县, Chongxin County", "620825, 庄浪县, Zhuanglang County",
      "620826, 静宁县, Jingning County", "620881, 华亭市, Huating City", "620000, 甘肃省, Gansu Province"})
  void the_pingliang_codes_have_names_in_chinese_and_english(String code, String chinese, String english) {
    var region = new RegionCode(code);
    assertThat(region.name(Locale.SIMPLIFIED_CHINESE)).contains(chinese);
    assertThat(region.name(Locale.ENGLISH)).contains(english);
    assertThat(region.name(Locale.UK)).contains(english);
  }

  @Test
  void a_code_the_platform_does_not_know_by_name_has_none() {
    assertThat(new RegionCode("110101").name(Locale.SIMPLIFIED_CHINESE)).isEmpty();
  }

  @Test
  void a_province_covers_its_cities_and_a_city_its_counties_but_a_county_only_itself() {
    var gansu = new RegionCode("620000");
    var pingliang = new RegionCode("620800");
    var jingning = new RegionCode("620826");
    assertThat(gansu.prefix()).isEqualTo("62");
    assertThat(pingliang.prefix()).isEqualTo("6208");
    assertThat(jingning.prefix()).isEqualTo("620826");
    assertThat(gansu.covers(jingning)).isTrue();
    assertThat(pingliang.covers(jingning)).isTrue();
    assertThat(pingliang.covers(pingliang)).isTrue();
    assertThat(jingning.covers(pingliang)).isFalse();
    assertThat(pingliang.covers(new RegionCode("620100"))).isFalse();
  }
}
