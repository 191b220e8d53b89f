package org.pingliang.techmarket.marketplace.organisation.internal;

/** One field's value before and after a change, as text; {@code null} where there was none. */
public record FieldChange(String from, String to) {}
