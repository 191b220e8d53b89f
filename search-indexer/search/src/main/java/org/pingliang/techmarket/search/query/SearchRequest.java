package org.pingliang.techmarket.search.query;

import java.util.Objects;

/**
 * One search: query text (may be blank: browse), filters, order, ranking mode, page size and the
 * opaque cursor of the previous page (null for the first page).
 */
public record SearchRequest(String text, SearchFilters filters, SearchSort sort, RankingMode mode, int size,
    String cursor) {

  public SearchRequest {
    text = text == null ? "" : text.strip();
    filters = filters == null ? SearchFilters.NONE : filters;
    sort = sort == null ? (text.isEmpty() ? SearchSort.NEWEST : SearchSort.RELEVANCE) : sort;
    mode = mode == null ? RankingMode.BM25 : mode;
    if (sort == SearchSort.RELEVANCE && text.isEmpty()) {
      // Nothing to be relevant to: browsing is newest first.
      sort = SearchSort.NEWEST;
    }
    if (size < 1) {
      throw new InvalidSearchException("size", "size");
    }
  }

  public boolean hasText() {
    return !text.isEmpty();
  }

  /** Identifies what is being paged through, so a cursor of another search is refused. */
  int fingerprint() {
    return Objects.hash(text, filters, sort, sort == SearchSort.RELEVANCE ? mode : null);
  }
}
