package org.pingliang.techmarket.marketplace.negotiation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Page;
import org.pingliang.techmarket.marketplace.listing.shared.Pages;
import org.pingliang.techmarket.marketplace.negotiation.internal.NegotiationStatus;
import org.pingliang.techmarket.marketplace.negotiation.internal.Refusal;
import org.pingliang.techmarket.marketplace.organisation.Organisation;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.pingliang.techmarket.marketplace.outbox.Outbox;
import org.pingliang.techmarket.marketplace.outbox.OutboxMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reading rooms as a participant, and the one way to change a room: lock its row, check the caller
 * takes part, apply the step, write the new version and its outbox event in one transaction, and
 * tell live listeners after the commit.
 */
@Component
class Rooms {

  static final String AGGREGATE = "Negotiation";

  private final NegotiationStore negotiations;
  private final OfferStore offers;
  private final RoomAccess access;
  private final Organisations organisations;
  private final Outbox outbox;
  private final RoomChannel channel;
  private final TransactionalOperator transaction;
  private final Clock clock;

  Rooms(NegotiationStore negotiations, OfferStore offers, RoomAccess access, Organisations organisations, Outbox outbox,
      RoomChannel channel, TransactionalOperator transaction, Clock clock) {
    this.negotiations = negotiations;
    this.offers = offers;
    this.access = access;
    this.organisations = organisations;
    this.outbox = outbox;
    this.channel = channel;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** The room and the caller's part in it; 404 when either is missing. */
  Mono<Seat> seat(UUID id, Actor actor) {
    return negotiations.find(id)
        .flatMap(found -> access.participant(found, actor).map(you -> new Seat(found, you)))
        .switchIfEmpty(Mono.error(NegotiationProblems::notFound));
  }

  /** A room together with the caller's part in it. */
  record Seat(Negotiation negotiation, Participant you) {

    boolean confidentialVisible() {
      return negotiation.room().confidentialVisibleTo(you.side());
    }
  }

  Mono<NegotiationView> view(UUID id, Actor actor) {
    return seat(id, actor).flatMap(this::view);
  }

  Mono<NegotiationView> view(Seat seat) {
    var now = Instant.now(clock);
    return offers.open(seat.negotiation().id())
        .map(offer -> OfferView.of(offer, now, seat.confidentialVisible()))
        .map(java.util.Optional::of)
        .defaultIfEmpty(java.util.Optional.empty())
        .map(open -> NegotiationView.of(seat.negotiation(), seat.you(), open.orElse(null)));
  }

  /** The rooms of the caller's organisations and those they broker, newest first. */
  Mono<Page<NegotiationView>> mine(Actor actor, NegotiationStatus status, String cursor, int size) {
    return organisations.of(actor.subject()).map(Organisation::id).collectList()
        .flatMap(mine -> Pages.of(negotiations.involving(mine, actor.subject(), status, Pages.decode(cursor), size + 1)
            .concatMap(n -> access.participant(n, actor).flatMap(you -> view(new Seat(n, you)))), size,
            last -> new Cursor(last.createdAt(), last.id())));
  }

  /** Live changes of a room the caller takes part in, until they disconnect. */
  Flux<RoomChannel.RoomEvent> follow(UUID id, Actor actor) {
    return seat(id, actor).flatMapMany(seat -> channel.listen(id));
  }

  /** What one step did to a locked room: the new room (version + 1), its event and the step's result. */
  record Change<T>(Negotiation next, String eventType, UUID subjectId, T result) {

    /** A step that found nothing to do (e.g. acknowledging twice): no new version, no event. */
    static <T> Change<T> none(Negotiation current, T result) {
      return new Change<>(current, null, null, result);
    }

    boolean changed() {
      return eventType != null;
    }
  }

  /** One step on a locked room. */
  @FunctionalInterface
  interface Step<T> {
    Mono<Change<T>> apply(Seat seat, Instant now);
  }

  /** Runs a step in one transaction with the room's row lock; announces it live after the commit. */
  <T> Mono<T> change(UUID id, Actor actor, Step<T> step) {
    return negotiations.lock(id)
        .flatMap(found -> access.participant(found, actor).map(you -> new Seat(found, you)))
        .switchIfEmpty(Mono.error(NegotiationProblems::notFound))
        .flatMap(seat -> step.apply(seat, Instant.now(clock)))
        .flatMap(change -> record(change).thenReturn(change))
        .as(transaction::transactional)
        .flatMap(change -> announce(change).thenReturn(change.result()));
  }

  /**
   * Inserts a new room (version 1) with its opening event, unless its inquirer already has an open
   * room on the listing; true when this call opened it.
   */
  Mono<Boolean> open(Negotiation room, String eventType) {
    var change = new Change<>(room, eventType, room.id(), room);
    return negotiations.insert(room)
        .filter(Boolean::booleanValue)
        .flatMap(inserted -> outbox.append(new OutboxMessage(AGGREGATE, room.id(), room.version(), eventType,
            NegotiationEvent.of(room, room.id()), room.createdAt())).thenReturn(true))
        .defaultIfEmpty(false)
        .as(transaction::transactional)
        .flatMap(opened -> opened ? announce(change).thenReturn(true) : Mono.just(false));
  }

  /** Writes a changed room and its event; the caller holds the row lock and the transaction. */
  <T> Mono<Void> record(Change<T> change) {
    if (!change.changed()) {
      return Mono.empty();
    }
    var next = change.next();
    return negotiations.update(next)
        .then(outbox.append(new OutboxMessage(AGGREGATE, next.id(), next.version(), change.eventType(),
            NegotiationEvent.of(next, change.subjectId()), next.updatedAt())));
  }

  <T> Mono<Void> announce(Change<T> change) {
    if (!change.changed()) {
      return Mono.empty();
    }
    var next = change.next();
    return channel.publish(new RoomChannel.RoomEvent(next.id(), next.version(), change.eventType(), change.subjectId(),
        next.updatedAt()));
  }

  static <T> Mono<T> refuse(java.util.Optional<Refusal> refusal) {
    return refusal.<Mono<T>>map(r -> Mono.error(NegotiationProblems.refused(r))).orElseGet(Mono::empty);
  }
}
