package org.pingliang.techmarket.marketplace.instrument;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.instrument.InstrumentViews.BookingView;
import org.pingliang.techmarket.marketplace.instrument.InstrumentViews.InstrumentView;
import org.pingliang.techmarket.marketplace.instrument.InstrumentViews.SlotsView;
import org.pingliang.techmarket.marketplace.listing.shared.Page;
import org.pingliang.techmarket.marketplace.listing.shared.PageSize;
import org.pingliang.techmarket.marketplace.listing.shared.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** 科研仪器开放共享: instruments, their free hours, and bookings. */
@RestController
@Tag(name = "instruments", description = "科研仪器开放共享 — shared research instruments and their bookings")
class InstrumentsController {

  private final ManagingInstruments instruments;
  private final Bookings bookings;

  InstrumentsController(ManagingInstruments instruments, Bookings bookings) {
    this.instruments = instruments;
    this.bookings = bookings;
  }

  record CancelRequest(String reason) {}

  @PostMapping("/api/instruments")
  @Operation(summary = "List an instrument for shared use for a verified university, research institute or service provider you own or edit for; public at once (or status WITHDRAWN). Roles: UNIVERSITY, COMMISSIONER, ENTERPRISE (as OWNER/EDITOR of such an organisation). Errors: 400, 401, 403 (not an owner/editor, not an institution), 404, 409 (unverified), 422.")
  Mono<ResponseEntity<InstrumentView>> create(Actor actor, @RequestBody InstrumentForm form) {
    return instruments.create(actor, form).map(created -> ResponseEntity
        .created(URI.create("/api/instruments/" + created.id())).eTag(Versions.etag(created.version()))
        .body(InstrumentView.of(created)));
  }

  @GetMapping("/api/instruments")
  @Operation(summary = "Instruments open for booking, newest first; filter by category, countyCode, organisationId and q (text). With organisationId its members and ADMIN also see withdrawn ones. Public. Errors: 400.")
  Mono<Page<InstrumentView>> list(Actor actor, @RequestParam(required = false) InstrumentCategory category,
      @RequestParam(required = false) String countyCode, @RequestParam(required = false) UUID organisationId,
      @RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer size) {
    return instruments.list(actor, category, countyCode, organisationId, q, cursor, PageSize.of(size))
        .map(page -> new Page<>(page.items().stream().map(InstrumentView::of).toList(), page.nextCursor()));
  }

  @GetMapping("/api/instruments/{id}")
  @Operation(summary = "One instrument. Public while ACTIVE; a withdrawn one for its institution's members and ADMIN (404 otherwise).")
  Mono<ResponseEntity<InstrumentView>> get(Actor actor, @PathVariable UUID id) {
    return instruments.view(actor, id).map(found -> ResponseEntity.ok().eTag(Versions.etag(found.version()))
        .body(InstrumentView.of(found)));
  }

  @PutMapping("/api/instruments/{id}")
  @Operation(summary = "Change an instrument (all fields, availability windows, status ACTIVE/WITHDRAWN). Needs If-Match or version. Roles: OWNER/EDITOR of the institution. Errors: 400, 401, 403, 404, 409 (stale), 422.")
  Mono<ResponseEntity<InstrumentView>> edit(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody InstrumentForm form) {
    return instruments.edit(actor, id, Versions.required(ifMatch, form.version()), form)
        .map(changed -> ResponseEntity.ok().eTag(Versions.etag(changed.version())).body(InstrumentView.of(changed)));
  }

  @GetMapping("/api/instruments/{id}/slots")
  @Operation(summary = "The hours of the instrument's availability windows from a date (default today, Asia/Shanghai) for 1–31 days (default 7), each free or not (booked, or too soon for the notice rule). Public. Errors: 400, 404, 422.")
  Mono<SlotsView> slots(Actor actor, @PathVariable UUID id, @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) Integer days) {
    return instruments.slots(actor, id, from, days)
        .map(slots -> new SlotsView(id, Instrument.ZONE.getId(), slots));
  }

  @PostMapping("/api/instrument-bookings")
  @Operation(summary = "Book whole hours of an instrument for a verified enterprise you own or edit for; the slot is held and a checkout order opened (pay at checkoutPath, voucher first, card for the rest). Roles: ENTERPRISE. Errors: 400, 401, 403 (not an owner/editor, not an enterprise, blacklisted), 404, 409 (slot taken, unverified), 422 (outside availability, not whole hours, too soon, too long), 503 (checkout unavailable).")
  Mono<ResponseEntity<BookingView>> book(Actor actor, @RequestBody Bookings.BookingRequest request) {
    return bookings.book(actor, request).map(booking -> ResponseEntity
        .created(URI.create("/api/instrument-bookings/" + booking.id())).body(BookingView.of(booking)));
  }

  @GetMapping("/api/instrument-bookings")
  @Operation(summary = "Bookings of my organisations: side=BOOKER (made by them, default) or PROVIDER (of their instruments), newest slot first; optional organisationId and status. Roles: any signed-in user (members). Errors: 400, 401.")
  Mono<Page<BookingView>> myBookings(Actor actor, @RequestParam(required = false) String side,
      @RequestParam(required = false) UUID organisationId, @RequestParam(required = false) BookingStatus status,
      @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
    if (side != null && !side.equals("BOOKER") && !side.equals("PROVIDER")) {
      return Mono.error(InstrumentProblems.invalid("side", "invalid-value"));
    }
    return bookings.mine(actor, "PROVIDER".equals(side), organisationId, status, cursor, PageSize.of(size))
        .map(page -> new Page<>(page.items().stream().map(BookingView::of).toList(), page.nextCursor()));
  }

  @GetMapping("/api/instrument-bookings/{id}")
  @Operation(summary = "One booking. Roles: members of the booking enterprise or of the institution, ADMIN (404 otherwise).")
  Mono<BookingView> booking(Actor actor, @PathVariable UUID id) {
    return bookings.view(actor, id).map(BookingView::of);
  }

  @PostMapping("/api/instrument-bookings/{id}/cancellation")
  @Operation(summary = "Cancel a booking that is not paid yet; its order is cancelled and the slot released. Roles: OWNER/EDITOR of the booking enterprise or of the institution. Errors: 401, 403, 404, 409 (already paid, completed or cancelled).")
  Mono<BookingView> cancel(Actor actor, @PathVariable UUID id, @RequestBody(required = false) CancelRequest request) {
    return bookings.cancel(actor, id, request == null ? null : request.reason()).map(BookingView::of);
  }

  @PostMapping("/api/instrument-bookings/{id}/completion")
  @Operation(summary = "Mark a paid booking used (completed); both sides may then rate each other. Roles: OWNER/EDITOR of the institution. Errors: 401, 403, 404, 409 (not paid).")
  Mono<BookingView> complete(Actor actor, @PathVariable UUID id) {
    return bookings.complete(actor, id).map(BookingView::of);
  }
}
