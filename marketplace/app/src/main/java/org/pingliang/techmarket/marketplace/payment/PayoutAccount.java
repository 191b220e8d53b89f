package org.pingliang.techmarket.marketplace.payment;

import java.time.Instant;
import java.util.UUID;

/** An organisation's Stripe Connect account, as the last account.updated webhook described it. */
record PayoutAccount(
    UUID organisationId,
    String stripeAccountId,
    boolean chargesEnabled,
    boolean payoutsEnabled,
    boolean detailsSubmitted,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
