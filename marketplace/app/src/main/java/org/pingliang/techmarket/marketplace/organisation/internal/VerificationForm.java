package org.pingliang.techmarket.marketplace.organisation.internal;

/**
 * An administrator's decision as sent; {@code basedOnVersion} is optional and, when given, must be
 * current, so a decision is never taken on details that changed in the meantime.
 */
public record VerificationForm(VerificationDecision decision, String reason, Long basedOnVersion) {}
