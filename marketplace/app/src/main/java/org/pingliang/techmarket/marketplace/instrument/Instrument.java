package org.pingliang.techmarket.marketplace.instrument;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A large instrument offered for shared use (共享仪器) at {@code version}. Fees are fen per hour;
 * availability is weekly windows of whole hours in {@link #ZONE}.
 */
record Instrument(
    UUID id,
    UUID organisationId,
    String organisationName,
    Content content,
    Status status,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** Windows and slots are in Pingliang's local time. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  enum Status {
    ACTIVE,
    WITHDRAWN
  }

  record Content(String name, String model, InstrumentCategory category, String description, String location,
      String countyCode, long hourlyFeeFen, String bookingRules, int maxHoursPerBooking, int minNoticeHours,
      List<Window> availability) {

    Content {
      availability = List.copyOf(availability);
    }
  }

  /** Open from {@code startHour}:00 to {@code endHour}:00 on ISO day {@code dayOfWeek} (1 = Monday). */
  record Window(int dayOfWeek, int startHour, int endHour) {}

  boolean isPublic() {
    return status == Status.ACTIVE;
  }
}
