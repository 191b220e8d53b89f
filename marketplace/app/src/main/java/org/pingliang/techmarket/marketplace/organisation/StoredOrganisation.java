package org.pingliang.techmarket.marketplace.organisation;

import java.time.Instant;

/** An organisation with what only the API shows besides the public view. */
record StoredOrganisation(Organisation organisation, String rejectionReason, Instant createdAt, Instant updatedAt) {}
