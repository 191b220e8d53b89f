/**
 * The rules of organisations and memberships as plain Java: validation, who may see and change
 * what, verification and the last-owner rule. Free of Spring, Reactor and the database, so every
 * rule is tested without a server. Public for the adapters in the parent package, but not API: other
 * features use only the parent package's public types.
 */
package org.pingliang.techmarket.marketplace.organisation.internal;
