package org.pingliang.techmarket.marketplace.negotiation;

import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.Page;
import org.pingliang.techmarket.marketplace.listing.shared.Pages;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Messages in a room, and the NDA (保密协议) that holds confidential content back from the inquirer. */
@Service
class Talking {

  static final int MAX_MESSAGE_LENGTH = 4000;

  private final Rooms rooms;
  private final MessageStore messages;

  Talking(Rooms rooms, MessageStore messages) {
    this.rooms = rooms;
    this.messages = messages;
  }

  /**
   * Posts plain text as written (no markup is interpreted or stripped; clients show it as text).
   * Parties' owners and editors and the broker may post; a message marked confidential is hidden
   * from an inquirer who has not acknowledged the NDA.
   */
  Mono<MessageView> post(Actor actor, UUID negotiationId, String body, boolean confidential) {
    return rooms.change(negotiationId, actor, (seat, now) -> {
      if (!seat.you().mayAct()) {
        return Mono.error(NegotiationProblems.forbidden());
      }
      if (body == null || body.isBlank()) {
        return Mono.error(NegotiationProblems.invalid("body", "not-blank"));
      }
      if (body.codePointCount(0, body.length()) > MAX_MESSAGE_LENGTH) {
        return Mono.error(NegotiationProblems.invalid("body", "size"));
      }
      var message = new MessageStore.Message(Ids.newId(), negotiationId, actor.subject(), seat.you().side(), body,
          confidential, now);
      return Rooms.<Rooms.Change<MessageView>>refuse(seat.negotiation().room().mayTalk())
          .then(messages.insert(message))
          .thenReturn(new Rooms.Change<>(seat.negotiation().touched(now), "MessagePosted", message.id(),
              MessageView.of(message, true)));
    });
  }

  /** Newest first. */
  Mono<Page<MessageView>> list(Actor actor, UUID negotiationId, String cursor, int size) {
    return rooms.seat(negotiationId, actor).flatMap(seat -> Pages.of(
        messages.of(negotiationId, Pages.decode(cursor), size + 1)
            .map(message -> MessageView.of(message, seat.confidentialVisible())),
        size, last -> new Cursor(last.createdAt(), last.id())));
  }

  /** The holder requires an NDA; idempotent while it is required and not yet acknowledged. */
  Mono<NegotiationView> requireNda(Actor actor, UUID negotiationId) {
    return rooms.change(negotiationId, actor, (seat, now) -> {
      if (!seat.you().mayActForParty()) {
        return Mono.error(NegotiationProblems.forbidden());
      }
      var room = seat.negotiation().room();
      return Rooms.<Rooms.Change<NegotiationView>>refuse(room.mayRequireNda(seat.you().side()))
          .then(Mono.defer(() -> {
            var next = room.ndaRequired() ? seat.negotiation() : seat.negotiation().ndaRequired(actor.subject(), now);
            return rooms.view(new Rooms.Seat(next, seat.you())).map(view -> room.ndaRequired()
                ? Rooms.Change.none(next, view) : new Rooms.Change<>(next, "NdaRequired", negotiationId, view));
          }));
    });
  }

  /** The inquirer acknowledges the NDA; the room's confidential content becomes visible to them. */
  Mono<NegotiationView> acknowledgeNda(Actor actor, UUID negotiationId) {
    return rooms.change(negotiationId, actor, (seat, now) -> {
      if (!seat.you().mayActForParty()) {
        return Mono.error(NegotiationProblems.forbidden());
      }
      var room = seat.negotiation().room();
      return Rooms.<Rooms.Change<NegotiationView>>refuse(room.mayAcknowledgeNda(seat.you().side()))
          .then(Mono.defer(() -> {
            var next = room.ndaAcknowledged() ? seat.negotiation() : seat.negotiation().ndaAcknowledged(actor.subject(), now);
            return rooms.view(new Rooms.Seat(next, seat.you())).map(view -> room.ndaAcknowledged()
                ? Rooms.Change.none(next, view) : new Rooms.Change<>(next, "NdaAcknowledged", negotiationId, view));
          }));
    });
  }
}
