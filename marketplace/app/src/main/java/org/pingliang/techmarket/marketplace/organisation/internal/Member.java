package org.pingliang.techmarket.marketplace.organisation.internal;

import java.time.Instant;
import org.pingliang.techmarket.marketplace.organisation.MemberRole;

/**
 * A membership.
 *
 * @param subject the member's Keycloak subject ({@code sub})
 * @param addedBy the subject who added them (the registrant for the first owner)
 * @param addedAt when; {@code null} until stored
 */
public record Member(String subject, MemberRole role, String addedBy, Instant addedAt) {}
