package org.pingliang.techmarket.search.query;

/**
 * The cluster refused a query it received (a 4xx other than a missing index or throttling): a bug
 * or an index whose mapping lacks what the query needs (e.g. no {@code embedding} yet). Retrying the
 * same query cannot help.
 */
public class SearchRejectedException extends RuntimeException {

  public SearchRejectedException(Throwable cause) {
    super("search cluster refused the query: " + cause, cause);
  }
}
