package org.pingliang.techmarket.marketplace.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits of the API ({@code techmarket.http.*}, e.g. env {@code TECHMARKET_HTTP_MAX_REQUEST_BODY}).
 *
 * @param maxRequestBody largest request body accepted; larger ones are refused with 413
 */
@ConfigurationProperties("techmarket.http")
public record HttpProperties(@DefaultValue("1MB") DataSize maxRequestBody) {}
