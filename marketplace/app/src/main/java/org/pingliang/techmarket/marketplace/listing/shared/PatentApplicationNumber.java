package org.pingliang.techmarket.marketplace.listing.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Chinese patent application number (专利申请号), e.g. {@code 202310123456.6}: 12 digits (year,
 * type, serial), a dot and a check character — the digits weighted 2,3,4,5,6,7,8,9,2,3,4,5, summed,
 * mod 11, with 10 written as X. The older 8-digit form (before 2003) uses weights 2…9.
 */
public record PatentApplicationNumber(String value) {

  private static final Pattern FORM = Pattern.compile("(\\d{8}|\\d{12})\\.([0-9X])");
  private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};

  public PatentApplicationNumber {
    if (!isValid(value)) {
      throw new IllegalArgumentException("not a valid patent application number");
    }
  }

  /** Accepts the usual ways people write it: a CN or ZL prefix, spaces, a lower-case x. */
  public static Optional<PatentApplicationNumber> parse(String input) {
    if (input == null) {
      return Optional.empty();
    }
    var normalised = input.replace(" ", "").toUpperCase(Locale.ROOT);
    if (normalised.startsWith("CN") || normalised.startsWith("ZL")) {
      normalised = normalised.substring(2);
    }
    return isValid(normalised) ? Optional.of(new PatentApplicationNumber(normalised)) : Optional.empty();
  }

  static boolean isValid(String number) {
    if (number == null) {
      return false;
    }
    var matcher = FORM.matcher(number);
    if (!matcher.matches()) {
      return false;
    }
    var digits = matcher.group(1);
    var sum = 0;
    for (var i = 0; i < digits.length(); i++) {
      sum += (digits.charAt(i) - '0') * WEIGHTS[i];
    }
    var check = sum % 11;
    var expected = check == 10 ? 'X' : (char) ('0' + check);
    return matcher.group(2).charAt(0) == expected;
  }
}
