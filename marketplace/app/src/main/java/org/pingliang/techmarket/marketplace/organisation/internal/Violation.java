package org.pingliang.techmarket.marketplace.organisation.internal;

/**
 * One rejected field: {@code field} as the client wrote it ({@code legalEntityType.subtype}),
 * {@code code} a stable kebab-case reason ({@code check-digit}).
 */
public record Violation(String field, String code) {}
