package org.pingliang.techmarket.marketplace.organisation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An administrative division code (行政区划代码, GB/T 2260): six digits, two each for province,
 * prefecture and county; a level that is not reached is {@code 00} (620800 is 平凉市, 620802 its
 * 崆峒区). Only real province-level prefixes are accepted.
 */
public record RegionCode(String value) {

  private static final Pattern FORMAT = Pattern.compile("[0-9]{6}");
  // 11–15 华北, 21–23 东北, 31–37 华东, 41–46 中南, 50–54 西南, 61–65 西北,
  // 71 台湾, 81 香港, 82 澳门.
  private static final Pattern PROVINCE = Pattern.compile("1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|81|82");
  private static final Map<String, Names> KNOWN = Map.of(
      "620000", new Names("甘肃省", "Gansu Province"),
      "620800", new Names("平凉市", "Pingliang City"),
      "620802", new Names("崆峒区", "Kongtong District"),
      "620821", new Names("泾川县", "Jingchuan County"),
      "620822", new Names("灵台县", "Lingtai County"),
      "620823", new Names("崇信县", "Chongxin County"),
      "620825", new Names("庄浪县", "Zhuanglang County"),
      "620826", new Names("静宁县", "Jingning County"),
      "620881", new Names("华亭市", "Huating City"));

  private record Names(String chinese, String english) {}

  public RegionCode {
    if (!isWellFormed(value) || !hasKnownProvince(value)) {
      throw new IllegalArgumentException("not a GB/T 2260 region code");
    }
  }

  /** The code, when the input is one; nothing is trimmed, since codes are typed or picked, not pasted. */
  public static Optional<RegionCode> parse(String input) {
    return isWellFormed(input) && hasKnownProvince(input) ? Optional.of(new RegionCode(input)) : Optional.empty();
  }

  /** Six ASCII digits. */
  public static boolean isWellFormed(String input) {
    return input != null && FORMAT.matcher(input).matches();
  }

  /** Whether the first two digits name a province-level division; assumes a well-formed code. */
  public static boolean hasKnownProvince(String input) {
    return PROVINCE.matcher(input.substring(0, 2)).matches();
  }

  /**
   * The digits every code inside this division starts with: {@code 62} for 620000, {@code 6208} for
   * 620800, all six for a county.
   */
  public String prefix() {
    if (value.endsWith("0000")) {
      return value.substring(0, 2);
    }
    return value.endsWith("00") ? value.substring(0, 4) : value;
  }

  /** Whether {@code other} is this division or lies within it. */
  public boolean covers(RegionCode other) {
    return other.value.startsWith(prefix());
  }

  /** The division's name in Chinese, or English for an English locale, where the platform knows it (Pingliang). */
  public Optional<String> name(Locale locale) {
    return Optional.ofNullable(KNOWN.get(value))
        .map(names -> "en".equals(locale.getLanguage()) ? names.english() : names.chinese());
  }
}
