package org.pingliang.techmarket.search.query;

/** The search cluster did not answer (down, overloaded, timed out): try again later. */
public class SearchUnavailableException extends RuntimeException {

  public SearchUnavailableException(Throwable cause) {
    super("search cluster unavailable: " + cause, cause);
  }
}
