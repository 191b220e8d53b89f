package org.pingliang.techmarket.marketplace.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The stable problem types of the API (RFC 9457). Clients may switch on the {@code type} URI; the
 * title is translated, the URI never changes.
 */
public enum ProblemType {
  MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST),
  UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED),
  FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
  NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
  METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
  NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE),
  CONFLICT("conflict", HttpStatus.CONFLICT),
  PRECONDITION_FAILED("precondition-failed", HttpStatus.PRECONDITION_FAILED),
  PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
  VALIDATION_FAILED("validation-failed", HttpStatus.UNPROCESSABLE_CONTENT),
  TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS),
  SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
  INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR);

  /** Every problem type URI starts with this. */
  public static final String BASE_URI = "https://techmarket.example/problems/";

  private final String slug;
  private final HttpStatus status;

  ProblemType(String slug, HttpStatus status) {
    this.slug = slug;
    this.status = status;
  }

  public URI uri() {
    return URI.create(BASE_URI + slug);
  }

  public HttpStatus status() {
    return status;
  }

  /** Key of the translated title in messages*.properties. */
  public String titleKey() {
    return "problem." + slug + ".title";
  }

  /** The generic type for a status that has no more specific one. */
  public static ProblemType forStatus(int status) {
    for (var type : values()) {
      if (type.status.value() == status) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
  }
}
