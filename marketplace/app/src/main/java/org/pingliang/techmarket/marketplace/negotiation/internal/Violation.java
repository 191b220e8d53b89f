package org.pingliang.techmarket.marketplace.negotiation.internal;

/** One rule a submitted form breaks: the field as the client named it and a stable code (422). */
public record Violation(String field, String code) {}
