package org.pingliang.techmarket.search.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Highlighted snippets that are safe to render as HTML. Elasticsearch marks matches with two
 * private-use characters instead of tags; here the whole fragment is HTML-escaped first and only
 * then the marks become {@code <em>}/{@code </em>}, so user text can never bring markup along.
 */
final class Highlights {

  static final String PRE = "\uE000";
  static final String POST = "\uE001";
  private static final Pattern MARKED = Pattern.compile(PRE + "([^" + POST + "]*)" + POST);
  private static final int MAX_TERMS = 12;

  private Highlights() {}

  static Map<String, List<String>> safe(Map<String, List<String>> raw) {
    var result = new LinkedHashMap<String, List<String>>();
    if (raw != null) {
      raw.forEach((field, fragments) -> result.put(field, fragments.stream().map(Highlights::safe).toList()));
    }
    return result;
  }

  static String safe(String fragment) {
    var escaped = new StringBuilder(fragment.length() + 16);
    for (var i = 0; i < fragment.length(); i++) {
      var c = fragment.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        case '\uE000' -> escaped.append("<em>");
        case '\uE001' -> escaped.append("</em>");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** The marked words of raw (unescaped) highlights, each once, in order of appearance. */
  static List<String> terms(Map<String, List<String>> raw) {
    var terms = new LinkedHashSet<String>();
    if (raw != null) {
      for (var fragments : raw.values()) {
        for (var fragment : fragments) {
          var matcher = MARKED.matcher(fragment);
          while (matcher.find() && terms.size() < MAX_TERMS) {
            var term = matcher.group(1).strip();
            if (!term.isEmpty()) {
              terms.add(term);
            }
          }
        }
      }
    }
    return new ArrayList<>(terms);
  }
}
