package org.pingliang.techmarket.marketplace.problem;

/**
 * One rejected field: {@code field} is the JSON path as the client sent it (e.g. {@code
 * milestones[0].amount}), {@code code} a stable machine-readable reason, {@code message} for people.
 */
public record FieldError(String field, String code, String message) {}
