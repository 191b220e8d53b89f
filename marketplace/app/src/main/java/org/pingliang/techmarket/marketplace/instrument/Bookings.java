package org.pingliang.techmarket.marketplace.instrument;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.checkout.Checkout;
import org.pingliang.techmarket.marketplace.credit.Engagements;
import org.pingliang.techmarket.marketplace.credit.TradingBans;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.pingliang.techmarket.marketplace.listing.shared.Page;
import org.pingliang.techmarket.marketplace.listing.shared.Pages;
import org.pingliang.techmarket.marketplace.organisation.Organisation;
import org.pingliang.techmarket.marketplace.organisation.OrganisationKind;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Booking instrument time. An enterprise's OWNER or EDITOR books whole hours inside one
 * availability window; the booking and its checkout order are written in one transaction, and
 * PostgreSQL refuses a slot that overlaps another live booking (409). Paying confirms the booking
 * ({@link BookingCheckoutHooks}); cancelling before payment releases the slot; the institution marks
 * a confirmed booking completed, which records the engagement for credit ratings.
 */
@Service
class Bookings {

  static final String PURPOSE = "BOOKING";

  private final InstrumentStore instruments;
  private final BookingStore store;
  private final InstrumentAccess access;
  private final Organisations organisations;
  private final TradingBans bans;
  private final Engagements engagements;
  private final ObjectProvider<Checkout> checkout;
  private final TransactionalOperator transaction;
  private final Clock clock;

  Bookings(InstrumentStore instruments, BookingStore store, InstrumentAccess access, Organisations organisations,
      TradingBans bans, Engagements engagements, ObjectProvider<Checkout> checkout, TransactionalOperator transaction,
      Clock clock) {
    this.instruments = instruments;
    this.store = store;
    this.access = access;
    this.organisations = organisations;
    this.bans = bans;
    this.engagements = engagements;
    this.checkout = checkout;
    this.transaction = transaction;
    this.clock = clock;
  }

  record BookingRequest(UUID instrumentId, UUID organisationId, OffsetDateTime startsAt, Integer hours, String purpose) {}

  Mono<Booking> book(Actor actor, BookingRequest request) {
    var missing = request.instrumentId() == null ? "instrumentId" : request.organisationId() == null ? "organisationId"
        : request.startsAt() == null ? "startsAt" : request.hours() == null ? "hours"
        : request.purpose() == null || request.purpose().isBlank() ? "purpose" : null;
    if (missing != null) {
      return Mono.error(InstrumentProblems.invalid(missing, "required"));
    }
    var purpose = request.purpose().strip();
    if (purpose.codePointCount(0, purpose.length()) > 1000) {
      return Mono.error(InstrumentProblems.invalid("purpose", "size"));
    }
    var payments = checkout.getIfAvailable();
    if (payments == null) {
      return Mono.error(InstrumentProblems.checkoutUnavailable());
    }
    var startsAt = request.startsAt().toInstant();
    var now = Instant.now(clock);
    return instruments.find(request.instrumentId())
        .filter(Instrument::isPublic)
        .switchIfEmpty(Mono.error(InstrumentProblems::notFound))
        .flatMap(instrument -> organisations.find(request.organisationId())
            .switchIfEmpty(Mono.error(InstrumentProblems::notFound))
            .flatMap(booker -> access.mayAct(booker.id(), actor)
                .flatMap(acting -> acting ? Mono.just(booker) : Mono.error(InstrumentProblems.forbidden())))
            .flatMap(booker -> bans.requireOrganisationAllowed(booker.id())
                .then(bans.requirePersonAllowed(actor.subject()))
                .then(access.requireActingFor(booker.id(), actor, EnumSet.of(OrganisationKind.ENTERPRISE),
                    InstrumentProblems::notAnEnterprise))
                .thenReturn(booker))
            .flatMap(booker -> {
              if (booker.id().equals(instrument.organisationId())) {
                return Mono.error(InstrumentProblems.invalid("organisationId", "own-instrument"));
              }
              var violation = slotViolation(instrument, startsAt, request.hours(), now);
              if (violation != null) {
                return Mono.error(violation);
              }
              var booking = new Booking(Ids.newId(), instrument.id(), instrument.content().name(),
                  instrument.organisationId(), instrument.organisationName(), booker.id(), booker.name(),
                  actor.subject(), startsAt, startsAt.plus(Duration.ofHours(request.hours())), request.hours(),
                  Math.multiplyExact(instrument.content().hourlyFeeFen(), (long) request.hours()), purpose,
                  BookingStatus.PENDING_PAYMENT, null, null, now, now, 1);
              return store.insert(booking)
                  .then(Mono.defer(() -> payments.open(new Checkout.OrderRequest(PURPOSE, booking.id(), booker.id(),
                      instrument.organisationId(), Money.cny(booking.feeFen()), description(instrument, booking),
                      actor.subject()))))
                  .flatMap(order -> store.attachOrder(booking.id(), order.orderId()))
                  .then(Mono.defer(() -> store.find(booking.id())))
                  .as(transaction::transactional);
            }));
  }

  private static String description(Instrument instrument, Booking booking) {
    var local = booking.startsAt().atZone(Instrument.ZONE);
    return "仪器共享预约：" + instrument.content().name() + "（" + instrument.content().model() + "），"
        + local.toLocalDate() + " " + String.format("%02d:00", local.getHour()) + " 起 " + booking.hours() + " 小时";
  }

  /** Whole hours, inside one availability window, with the instrument's notice and length rules. */
  static RuntimeException slotViolation(Instrument instrument, Instant startsAt, int hours, Instant now) {
    var content = instrument.content();
    if (hours < 1 || hours > content.maxHoursPerBooking()) {
      return InstrumentProblems.invalid("hours", "hours-range");
    }
    var local = startsAt.atZone(Instrument.ZONE);
    if (local.getMinute() != 0 || local.getSecond() != 0 || local.getNano() != 0) {
      return InstrumentProblems.invalid("startsAt", "whole-hour");
    }
    if (startsAt.isBefore(now.plus(Duration.ofHours(content.minNoticeHours())))) {
      return InstrumentProblems.invalid("startsAt", "notice");
    }
    var weekday = local.getDayOfWeek().getValue();
    var hour = local.getHour();
    var inside = content.availability().stream().anyMatch(w -> w.dayOfWeek() == weekday && w.startHour() <= hour
        && hour + hours <= w.endHour());
    return inside ? null : InstrumentProblems.invalid("startsAt", "outside-availability");
  }

  /** The booker's and the institution's members, and administrators; 404 for anyone else. */
  Mono<Booking> view(Actor actor, UUID id) {
    return store.find(id)
        .filterWhen(booking -> maySee(booking, actor))
        .switchIfEmpty(Mono.error(InstrumentProblems::notFound));
  }

  private Mono<Boolean> maySee(Booking booking, Actor actor) {
    return actor.isAdmin() ? Mono.just(true) : access.isMember(booking.bookerOrganisationId(), actor)
        .flatMap(booker -> booker ? Mono.just(true) : access.isMember(booking.providerOrganisationId(), actor));
  }

  /** Bookings made by the caller's organisations (or, as provider, made with them), newest slot first. */
  Mono<Page<Booking>> mine(Actor actor, boolean asProvider, UUID organisationId, BookingStatus status, String cursor,
      int size) {
    var after = Pages.decode(cursor);
    return organisations.of(actor.subject()).map(Organisation::id)
        .filter(id -> organisationId == null || organisationId.equals(id))
        .collectList()
        .flatMap(mine -> mine.isEmpty() ? Mono.just(new Page<Booking>(List.of(), null))
            : Pages.of(store.of(asProvider, mine, status, after, size + 1), size,
                last -> new Cursor(last.startsAt(), last.id())));
  }

  /** Before payment, the booker or the institution (OWNER/EDITOR) cancels; the order is cancelled with it. */
  Mono<Booking> cancel(Actor actor, UUID id, String reason) {
    var why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why != null && why.length() > 1000) {
      return Mono.error(InstrumentProblems.invalid("reason", "size"));
    }
    return store.lock(id)
        .filterWhen(booking -> maySee(booking, actor))
        .switchIfEmpty(Mono.error(InstrumentProblems::notFound))
        .filterWhen(booking -> access.mayAct(booking.bookerOrganisationId(), actor)
            .flatMap(booker -> booker ? Mono.just(true) : access.mayAct(booking.providerOrganisationId(), actor)))
        .switchIfEmpty(Mono.error(InstrumentProblems::forbidden))
        .flatMap(booking -> {
          if (booking.status() != BookingStatus.PENDING_PAYMENT) {
            return Mono.error(InstrumentProblems.illegalTransition(booking.status(), "CANCEL"));
          }
          var payments = checkout.getIfAvailable();
          Mono<Void> order = payments == null || booking.orderId() == null ? Mono.empty()
              : payments.cancel(PURPOSE, booking.id(), why == null ? "预约已取消" : why);
          return order.then(store.move(id, BookingStatus.PENDING_PAYMENT, BookingStatus.CANCELLED, why,
              Instant.now(clock)));
        })
        .then(Mono.defer(() -> store.find(id)))
        .as(transaction::transactional);
  }

  /** After use the institution (OWNER/EDITOR) marks a paid booking completed; both sides may then rate each other. */
  Mono<Booking> complete(Actor actor, UUID id) {
    return store.lock(id)
        .filterWhen(booking -> maySee(booking, actor))
        .switchIfEmpty(Mono.error(InstrumentProblems::notFound))
        .filterWhen(booking -> access.mayAct(booking.providerOrganisationId(), actor))
        .switchIfEmpty(Mono.error(InstrumentProblems::forbidden))
        .flatMap(booking -> {
          if (booking.status() != BookingStatus.CONFIRMED) {
            return Mono.error(InstrumentProblems.illegalTransition(booking.status(), "COMPLETE"));
          }
          var now = Instant.now(clock);
          return store.move(id, BookingStatus.CONFIRMED, BookingStatus.COMPLETED, null, now)
              .then(engagements.completed(new Engagements.Engagement(PURPOSE, id, List.of(
                  new Engagements.Party("PROVIDER", booking.providerOrganisationId(), null),
                  new Engagements.Party("BUYER", booking.bookerOrganisationId(), null)), now)));
        })
        .then(Mono.defer(() -> store.find(id)))
        .as(transaction::transactional);
  }
}
