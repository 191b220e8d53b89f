package org.pingliang.techmarket.infra.elasticsearch.analysis;

import org.elasticsearch.common.settings.Settings;

import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * The {@code token_chars} classes of the official n-gram tokenizers: letter, digit, whitespace,
 * punctuation, symbol and custom (the characters of {@code custom_token_chars}). Characters
 * outside the chosen classes split tokens. No classes means every character belongs to a token.
 */
final class TokenChars {

    private TokenChars() {
    }

    /** Returns null when no classes are configured: the tokenizer then keeps all characters. */
    static IntPredicate read(String component, Settings settings) {
        List<String> classes = settings.getAsList("token_chars", List.of());
        if (classes.isEmpty()) {
            return null;
        }
        IntPredicate accepted = c -> false;
        for (String tokenClass : classes) {
            accepted = accepted.or(predicate(component, tokenClass.trim().toLowerCase(Locale.ROOT), settings));
        }
        return accepted;
    }

    private static IntPredicate predicate(String component, String tokenClass, Settings settings) {
        return switch (tokenClass) {
            case "letter" -> Character::isLetter;
            case "digit" -> Character::isDigit;
            case "whitespace" -> Character::isWhitespace;
            case "punctuation" -> TokenChars::isPunctuation;
            case "symbol" -> TokenChars::isSymbol;
            case "custom" -> custom(component, settings);
            default -> throw new IllegalArgumentException("[" + component + "] unknown token_chars class [" + tokenClass
                    + "], expected letter, digit, whitespace, punctuation, symbol or custom");
        };
    }

    private static IntPredicate custom(String component, Settings settings) {
        String chars = settings.get("custom_token_chars");
        if (chars == null || chars.isEmpty()) {
            throw new IllegalArgumentException("[" + component + "] token_chars [custom] needs custom_token_chars");
        }
        int[] codePoints = chars.codePoints().toArray();
        return c -> {
            for (int codePoint : codePoints) {
                if (codePoint == c) {
                    return true;
                }
            }
            return false;
        };
    }

    private static boolean isPunctuation(int c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isSymbol(int c) {
        return switch (Character.getType(c)) {
            case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
