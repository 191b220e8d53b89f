package org.pingliang.techmarket.marketplace.organisation.internal;

import org.pingliang.techmarket.marketplace.organisation.OrganisationKind;

/**
 * A registration as the client sent it, unchecked; any field may be missing ({@code null}).
 * {@code creditCode} and {@code regionCode} stay text so a wrong value is named, not a parse error.
 */
public record OrganisationForm(
    String name, OrganisationKind kind, String creditCode, String regionCode, LegalEntityForm legalEntityType) {}
