/**
 * Organisations (机构) of the market and who belongs to them.
 *
 * <p>The API for other features is the public types of this package: {@link
 * org.pingliang.techmarket.marketplace.organisation.Organisations} (find an organisation, a
 * subject's role in it, whether an actor may edit its listings, a subject's organisations) and the
 * values it returns. Everything else here is package-private, and {@code internal} holds the rules
 * as plain Java; neither is for use outside this package.
 *
 * <p>Rules in short: users register organisations of the kinds their role acts for and become
 * their OWNER; an ADMIN verifies them; only VERIFIED organisations are public, the others are
 * visible to their members and administrators only (404 for everyone else). OWNERs and EDITORs edit
 * listings; OWNERs and ADMINs manage members; the last OWNER stays. Every change is kept in
 * organisation_changes.
 *
 * <p>Demo data (profile {@code demo}): demo/organisations.json, with fixed ids other features'
 * demo data may reference.
 */
package org.pingliang.techmarket.marketplace.organisation;
