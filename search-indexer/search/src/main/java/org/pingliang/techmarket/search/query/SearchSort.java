package org.pingliang.techmarket.search.query;

import java.util.Locale;

/** Orders a search answer. Relevance needs query text; the others work with or without it. */
public enum SearchSort {
  RELEVANCE,
  NEWEST,
  /** Achievements by asking price, demands by budget minimum; listings without a price last. */
  PRICE_ASC,
  PRICE_DESC;

  /** The API spelling ({@code price_asc}). */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the API spelling; anything else is an {@link InvalidSearchException} on {@code sort}. */
  public static SearchSort parse(String value) {
    for (var sort : values()) {
      if (sort.apiName().equals(value)) {
        return sort;
      }
    }
    throw new InvalidSearchException("sort", "unknown-sort");
  }
}
