package org.pingliang.techmarket.marketplace.organisation.internal;

/**
 * What user text may contain. Anything a person can type is kept as typed (markup, quotes, emoji,
 * zero-width and bidi marks): escaping is the reader's job. Refused are control characters, which
 * no name contains and PostgreSQL cannot store (NUL), and unpaired surrogates, which are no text.
 */
final class Text {

  private Text() {}

  /** No control characters at all: for one-line values such as names. */
  static boolean isSingleLine(String value) {
    return value.codePoints().noneMatch(c -> Character.isISOControl(c) || isLoneSurrogate(c));
  }

  /** Line breaks and tabs allowed, other control characters not: for free text such as reasons. */
  static boolean isMultiLine(String value) {
    return value.codePoints().noneMatch(c ->
        (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') || isLoneSurrogate(c));
  }

  /** Whether there is something to read: at least one letter or digit, not only spaces or marks. */
  static boolean hasSubstance(String value) {
    return value.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /** Length as people count it: an emoji or a CJK character is one, as in PostgreSQL's char_length. */
  static int length(String value) {
    return value.codePointCount(0, value.length());
  }

  private static boolean isLoneSurrogate(int codePoint) {
    return Character.getType(codePoint) == Character.SURROGATE;
  }
}
