package org.pingliang.techmarket.marketplace.instrument;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.Page;
import org.pingliang.techmarket.marketplace.listing.shared.Pages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Listing instruments and answering which hours are free. An institution's OWNERs and EDITORs list
 * and change its instruments; an ACTIVE instrument is public, a WITHDRAWN one only for the
 * institution's members and administrators.
 */
@Service
class ManagingInstruments {

  static final int MAX_SLOT_DAYS = 31;

  private final InstrumentStore store;
  private final BookingStore bookings;
  private final InstrumentAccess access;
  private final TransactionalOperator transaction;
  private final Clock clock;

  ManagingInstruments(InstrumentStore store, BookingStore bookings, InstrumentAccess access,
      TransactionalOperator transaction, Clock clock) {
    this.store = store;
    this.bookings = bookings;
    this.access = access;
    this.transaction = transaction;
    this.clock = clock;
  }

  Mono<Instrument> create(Actor actor, InstrumentForm form) {
    if (form.organisationId() == null) {
      return Mono.error(InstrumentProblems.invalid("organisationId", "required"));
    }
    var violations = form.check();
    if (!violations.isEmpty()) {
      return Mono.error(InstrumentProblems.invalid(violations));
    }
    var now = Instant.now(clock);
    var instrument = new Instrument(Ids.newId(), form.organisationId(), null, form.toContent(),
        form.status() == null ? Instrument.Status.ACTIVE : form.status(), actor.subject(), now, now, 1);
    return access.requireActingFor(form.organisationId(), actor, InstrumentAccess.INSTITUTIONS,
            InstrumentProblems::notAnInstitution)
        .then(store.insert(instrument).then(store.find(instrument.id())).as(transaction::transactional));
  }

  Mono<Instrument> edit(Actor actor, UUID id, long expectedVersion, InstrumentForm form) {
    if (form.organisationId() != null) {
      return Mono.error(InstrumentProblems.invalid("organisationId", "organisation-fixed"));
    }
    var violations = form.check();
    if (!violations.isEmpty()) {
      return Mono.error(InstrumentProblems.invalid(violations));
    }
    return store.lock(id)
        .filterWhen(current -> current.isPublic() ? Mono.just(true)
            : access.maySeePrivate(current.organisationId(), actor))
        .switchIfEmpty(Mono.error(InstrumentProblems::notFound))
        .filterWhen(current -> access.mayAct(current.organisationId(), actor))
        .switchIfEmpty(Mono.error(InstrumentProblems::forbidden))
        .flatMap(current -> {
          if (expectedVersion != current.version()) {
            return Mono.error(InstrumentProblems.stale());
          }
          var next = new Instrument(current.id(), current.organisationId(), current.organisationName(),
              form.toContent(), form.status() == null ? current.status() : form.status(), current.createdBy(),
              current.createdAt(), Instant.now(clock), current.version() + 1);
          return store.update(next).then(store.find(id));
        })
        .as(transaction::transactional);
  }

  Mono<Instrument> view(Actor actor, UUID id) {
    return store.find(id)
        .filterWhen(found -> found.isPublic() ? Mono.just(true) : access.maySeePrivate(found.organisationId(), actor))
        .switchIfEmpty(Mono.error(InstrumentProblems::notFound));
  }

  /** Public instruments; with {@code organisationId}, its members and administrators also see withdrawn ones. */
  Mono<Page<Instrument>> list(Actor actor, InstrumentCategory category, String countyCode, UUID organisationId,
      String text, String cursor, int size) {
    var query = text == null || text.isBlank() ? null : text.strip();
    if (query != null && query.length() > 100) {
      return Mono.error(InstrumentProblems.invalid("q", "size"));
    }
    var after = Pages.decode(cursor);
    Mono<Boolean> publicOnly = organisationId == null ? Mono.just(true)
        : access.maySeePrivate(organisationId, actor).map(mayPrivate -> !mayPrivate);
    return publicOnly.flatMap(onlyPublic -> Pages.of(
        store.search(category, countyCode, organisationId, onlyPublic, query, after, size + 1), size,
        last -> new Cursor(last.createdAt(), last.id())));
  }

  /** One bookable hour and whether it is free. */
  record Slot(Instant startsAt, Instant endsAt, boolean free) {}

  /** The hours of the availability windows from {@code from} for {@code days} days, each free or taken. */
  Mono<List<Slot>> slots(Actor actor, UUID id, LocalDate from, Integer days) {
    var count = days == null ? 7 : days;
    if (count < 1 || count > MAX_SLOT_DAYS) {
      return Mono.error(InstrumentProblems.invalid("days", "days-range"));
    }
    var now = Instant.now(clock);
    var first = from == null ? LocalDate.now(clock.withZone(Instrument.ZONE)) : from;
    var start = first.atStartOfDay(Instrument.ZONE).toInstant();
    var end = first.plusDays(count).atStartOfDay(Instrument.ZONE).toInstant();
    return view(actor, id).flatMap(instrument -> bookings.busy(id, start, end).collectList().map(busy -> {
      var earliest = now.plus(Duration.ofHours(instrument.content().minNoticeHours()));
      var slots = new ArrayList<Slot>();
      for (var day = first; day.isBefore(first.plusDays(count)); day = day.plusDays(1)) {
        var weekday = day.getDayOfWeek().getValue();
        for (var window : instrument.content().availability()) {
          if (window.dayOfWeek() != weekday) {
            continue;
          }
          for (var hour = window.startHour(); hour < window.endHour(); hour++) {
            var slotStart = day.atStartOfDay(Instrument.ZONE).plusHours(hour).toInstant();
            var slotEnd = slotStart.plus(Duration.ofHours(1));
            var taken = busy.stream().anyMatch(b -> b[0].isBefore(slotEnd) && b[1].isAfter(slotStart));
            slots.add(new Slot(slotStart, slotEnd, !taken && !slotStart.isBefore(earliest)));
          }
        }
      }
      return List.copyOf(slots);
    }));
  }
}
