package org.pingliang.techmarket.search.query;

/**
 * A search the caller got wrong: which parameter, and a stable code ({@code range}, {@code malformed},
 * {@code unknown-sort}, {@code unavailable}, ...). Callers turn it into a 400/422 with a field error.
 */
public class InvalidSearchException extends RuntimeException {

  private final String field;
  private final String code;

  public InvalidSearchException(String field, String code) {
    super(field + ": " + code, null, false, false);
    this.field = field;
    this.code = code;
  }

  public String field() {
    return field;
  }

  public String code() {
    return code;
  }
}
