package org.pingliang.techmarket.marketplace.organisation;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid, unique unified social credit codes for tests, computed here independently of the code
 * under test: tests never share data, so each registers with a code of its own.
 */
public final class CreditCodes {

  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private CreditCodes() {}

  /** An enterprise code (91…) registered in Pingliang, with nine random characters and the right check. */
  public static String random() {
    return random("91620800");
  }

  public static String random(String registrationPrefix) {
    var random = ThreadLocalRandom.current();
    var body = new StringBuilder(registrationPrefix);
    while (body.length() < 17) {
      body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return body.append(checkCharacter(body.toString())).toString();
  }

  /** The same code with a different, wrong check character. */
  public static String withWrongCheck(String code) {
    var right = code.charAt(17);
    var wrong = ALPHABET.charAt((ALPHABET.indexOf(right) + 1) % ALPHABET.length());
    return code.substring(0, 17) + wrong;
  }

  static char checkCharacter(String first17) {
    var sum = 0;
    for (var i = 0; i < 17; i++) {
      sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }
}
