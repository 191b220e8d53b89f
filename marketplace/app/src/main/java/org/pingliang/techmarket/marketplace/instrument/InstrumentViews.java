package org.pingliang.techmarket.marketplace.instrument;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Money;

/** How instruments and bookings read in the API. */
final class InstrumentViews {

  private InstrumentViews() {}

  record InstrumentView(UUID id, UUID organisationId, String organisationName, String name, String model,
      InstrumentCategory category, String description, String location, String countyCode, Money hourlyFee,
      String bookingRules, int maxHoursPerBooking, int minNoticeHours, List<Instrument.Window> availability,
      Instrument.Status status, String timezone, Instant createdAt, Instant updatedAt, long version) {

    static InstrumentView of(Instrument i) {
      var c = i.content();
      return new InstrumentView(i.id(), i.organisationId(), i.organisationName(), c.name(), c.model(), c.category(),
          c.description(), c.location(), c.countyCode(), Money.cny(c.hourlyFeeFen()), c.bookingRules(),
          c.maxHoursPerBooking(), c.minNoticeHours(), c.availability(), i.status(), Instrument.ZONE.getId(),
          i.createdAt(), i.updatedAt(), i.version());
    }
  }

  /** @param checkoutPath where the web app pays the booking's order (the checkout page) */
  record BookingView(UUID id, UUID instrumentId, String instrumentName, UUID providerOrganisationId,
      String providerOrganisationName, UUID bookerOrganisationId, String bookerOrganisationName, String bookedBy,
      Instant startsAt, Instant endsAt, int hours, Money fee, String purpose, BookingStatus status, UUID orderId,
      String checkoutPath, String statusReason, Instant createdAt, Instant updatedAt, long version) {

    static BookingView of(Booking b) {
      return new BookingView(b.id(), b.instrumentId(), b.instrumentName(), b.providerOrganisationId(),
          b.providerOrganisationName(), b.bookerOrganisationId(), b.bookerOrganisationName(), b.bookedBy(),
          b.startsAt(), b.endsAt(), b.hours(), Money.cny(b.feeFen()), b.purpose(), b.status(), b.orderId(),
          b.orderId() == null ? null : "/orders/" + b.orderId(), b.statusReason(), b.createdAt(), b.updatedAt(),
          b.version());
    }
  }

  record SlotsView(UUID instrumentId, String timezone, List<ManagingInstruments.Slot> slots) {}
}
