package org.pingliang.techmarket.marketplace.organisation;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters over a 31-symbol alphabet, the last one a check
 * character computed from the first 17 with fixed weights, mod 31.
 */
public record UnifiedSocialCreditCode(String value) {

  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final int LENGTH = 18;

  public UnifiedSocialCreditCode {
    if (!isValid(value)) {
      throw new IllegalArgumentException("not a valid unified social credit code");
    }
  }

  /** Parses user input: surrounding spaces are dropped and letters upper-cased before checking. */
  public static Optional<UnifiedSocialCreditCode> parse(String input) {
    if (input == null) {
      return Optional.empty();
    }
    var normalised = input.strip().toUpperCase(java.util.Locale.ROOT);
    return isValid(normalised) ? Optional.of(new UnifiedSocialCreditCode(normalised)) : Optional.empty();
  }

  /** Eighteen characters of the code's alphabet (upper-case, no I, O, S, V, Z); says nothing of the check. */
  public static boolean isWellFormed(String code) {
    return code != null && code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
  }

  static boolean isValid(String code) {
    if (!isWellFormed(code)) {
      return false;
    }
    var sum = 0;
    for (var i = 0; i < LENGTH - 1; i++) {
      var index = ALPHABET.indexOf(code.charAt(i));
      if (index < 0) {
        return false;
      }
      sum += index * WEIGHTS[i];
    }
    var check = (31 - sum % 31) % 31;
    return code.charAt(LENGTH - 1) == ALPHABET.charAt(check);
  }

  /** The 6-digit administrative division (GB/T 2260) embedded at positions 3–8. */
  public String regionCode() {
    return value.substring(2, 8);
  }
}
