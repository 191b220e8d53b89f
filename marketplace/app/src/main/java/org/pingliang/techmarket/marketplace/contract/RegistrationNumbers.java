package org.pingliang.techmarket.marketplace.contract;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The 16-digit registration number (登记编号) the registry issues: the registration year (4), the
 * GB/T 2260 code of the seller's county, where the contract is registered (6), and that year and
 * county's running number (6) — e.g. 2026620826000017. Numbers are never reused: the counter row is
 * taken under a lock and the column is unique.
 */
final class RegistrationNumbers {

  static final int MAX_SEQUENCE = 999_999;
  private static final Pattern FORMAT = Pattern.compile("\\d{4}\\d{6}\\d{6}");

  private RegistrationNumbers() {}

  static String format(int year, String regionCode, int sequence) {
    if (year < 1000 || year > 9999 || regionCode == null || !regionCode.matches("\\d{6}") || sequence < 1
        || sequence > MAX_SEQUENCE) {
      throw new IllegalArgumentException("no registration number for " + year + "/" + regionCode + "/" + sequence);
    }
    return "%04d%s%06d".formatted(year, regionCode, sequence);
  }

  static boolean isWellFormed(String number) {
    return number != null && FORMAT.matcher(number).matches();
  }

  /**
   * The rule set a registration follows: the 2000 办法 (技术合同认定登记管理办法, 国科发政字〔2000〕063号)
   * for contracts submitted before 2026-01-23, the new 办法 from that day on (China time).
   */
  static String ruleSetFor(LocalDate submittedOn) {
    return submittedOn.isBefore(NEW_RULES) ? "2000-02-16" : "2026-01-23";
  }

  static final LocalDate NEW_RULES = LocalDate.of(2026, 1, 23);
}
