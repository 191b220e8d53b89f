package org.pingliang.techmarket.search.embedding;

import java.util.List;

/**
 * The one text a listing's vector is computed from, so the indexer and anyone re-computing a
 * listing's vector (evaluation, tests) agree exactly.
 *
 * <p>Title first (it carries the most meaning), then industry tags, summary and description, joined
 * with Chinese full stops, whitespace collapsed, and capped at {@link #MAX_CHARS} characters: bge
 * reads at most 512 tokens (roughly one per Chinese character) and the cost grows with the length.
 */
public final class ListingEmbeddingText {

  /** Upper bound on the text's length in characters (code points are not split). */
  public static final int MAX_CHARS = 400;

  private ListingEmbeddingText() {}

  public static String of(String title, String summary, String description, List<String> tags) {
    StringBuilder text = new StringBuilder(MAX_CHARS + 16);
    append(text, title);
    if (tags != null && !tags.isEmpty()) {
      append(text, String.join("、", tags.stream().filter(t -> t != null && !t.isBlank()).toList()));
    }
    append(text, summary);
    append(text, description);
    return cap(text.toString());
  }

  private static void append(StringBuilder text, String part) {
    if (part == null) {
      return;
    }
    String clean = part.strip().replaceAll("\\s+", " ");
    if (clean.isEmpty()) {
      return;
    }
    if (!text.isEmpty()) {
      char last = text.charAt(text.length() - 1);
      if ("。．.！!？?；;".indexOf(last) < 0) {
        text.append('。');
      }
    }
    text.append(clean);
  }

  private static String cap(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int end = MAX_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
