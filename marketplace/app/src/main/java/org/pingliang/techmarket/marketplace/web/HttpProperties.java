package org.pingliang.techmarket.marketplace.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits of the API ({@code techmarket.http.*}, e.g. env {@code TECHMARKET_HTTP_MAX_REQUEST_BODY}).
 *
 * @param maxRequestBody largest request body accepted; larger ones are refused with 413
 * @param maxUploadSize largest file upload (multipart) accepted on {@code uploadPaths}
 * @param uploadPaths path prefixes that take file uploads, e.g. the bulk import (成果汇交)
 */
@ConfigurationProperties("techmarket.http")
public record HttpProperties(
    @DefaultValue("1MB") DataSize maxRequestBody,
    @DefaultValue("20MB") DataSize maxUploadSize,
    @DefaultValue("/api/achievement-imports") List<String> uploadPaths) {

  /** The body limit of a request path. */
  public long limitFor(String path) {
    return uploadPaths.stream().anyMatch(path::startsWith) ? maxUploadSize.toBytes() : maxRequestBody.toBytes();
  }
}
