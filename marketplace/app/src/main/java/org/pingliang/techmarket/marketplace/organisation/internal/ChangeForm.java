package org.pingliang.techmarket.marketplace.organisation.internal;

/**
 * A change of an organisation's details as the client sent it. The kind never changes; {@code
 * creditCode} may be left out, which keeps it (only an administrator may change it).
 */
public record ChangeForm(String name, String regionCode, LegalEntityForm legalEntityType, String creditCode) {}
