package org.pingliang.techmarket.marketplace.instrument;

import java.time.Instant;
import java.util.UUID;

/** A booking (预约) of whole hours of one instrument by an enterprise, at {@code version}. */
record Booking(
    UUID id,
    UUID instrumentId,
    String instrumentName,
    UUID providerOrganisationId,
    String providerOrganisationName,
    UUID bookerOrganisationId,
    String bookerOrganisationName,
    String bookedBy,
    Instant startsAt,
    Instant endsAt,
    int hours,
    long feeFen,
    String purpose,
    BookingStatus status,
    UUID orderId,
    String statusReason,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
