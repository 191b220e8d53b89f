package org.pingliang.techmarket.marketplace.negotiation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Page;
import org.pingliang.techmarket.marketplace.listing.shared.PageSize;
import org.pingliang.techmarket.marketplace.negotiation.internal.NegotiationStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 洽谈: inquiries open private rooms between two organisations; messages, the NDA and live updates. */
@RestController
@Tag(name = "negotiations", description = "洽谈 — negotiation rooms")
class NegotiationsController {

  private final Inquiries inquiries;
  private final Rooms rooms;
  private final Talking talking;

  NegotiationsController(Inquiries inquiries, Rooms rooms, Talking talking) {
    this.inquiries = inquiries;
    this.rooms = rooms;
    this.talking = talking;
  }

  /** An inquiry: the listing and the organisation the caller acts for. */
  record InquiryRequest(Negotiation.ListingType listingType, UUID listingId, UUID organisationId) {}

  /** A message: plain text, 1–4000 characters; {@code confidential} hides it until the NDA is acknowledged. */
  record MessageRequest(String body, Boolean confidential) {}

  @PostMapping("/api/negotiations")
  @Operation(summary = "Inquire (询价) on a published achievement (ENTERPRISE) or an open demand (UNIVERSITY) for an organisation you own or edit for; opens a private room with the holder (201), or returns your organisation's open room on that listing (200). Roles: ENTERPRISE, UNIVERSITY. Errors: 400, 401, 403 (wrong role or not an owner/editor of organisationId), 422 (missing fields, listing not available, own listing).")
  Mono<ResponseEntity<NegotiationView>> inquire(Actor actor, @RequestBody InquiryRequest request) {
    if (request.listingType() == null || request.listingId() == null || request.organisationId() == null) {
      var field = request.listingType() == null ? "listingType" : request.listingId() == null ? "listingId" : "organisationId";
      return Mono.error(NegotiationProblems.invalid(field, "required"));
    }
    return inquiries.inquire(actor, request.listingType(), request.listingId(), request.organisationId())
        .map(opened -> ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .location(URI.create("/api/negotiations/" + opened.negotiation().id()))
            .body(opened.negotiation()));
  }

  @GetMapping("/api/negotiations")
  @Operation(summary = "My negotiations: rooms of my organisations and rooms I broker, newest first, optionally by status (OPEN, AGREED). Roles: any signed-in user. Errors: 400 (bad cursor or status), 401, 422 (size).")
  Mono<Page<NegotiationView>> mine(Actor actor, @RequestParam(required = false) NegotiationStatus status,
      @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
    return rooms.mine(actor, status, cursor, PageSize.of(size));
  }

  @GetMapping("/api/negotiations/{id}")
  @Operation(summary = "One room with its open offer (terms hidden from the inquirer until a required NDA is acknowledged). Roles: members of either party and the room's broker. Errors: 401, 404 (no such room, or not a participant).")
  Mono<NegotiationView> get(Actor actor, @PathVariable UUID id) {
    return rooms.view(id, actor);
  }

  @PostMapping("/api/negotiations/{id}/nda-requirement")
  @Operation(summary = "The listing holder requires an NDA (保密协议): until the inquirer acknowledges it, they see no offer terms or confidential messages and cannot bargain. Idempotent. Roles: the holder's OWNER/EDITOR. Errors: 401, 403 (a MEMBER or the broker), 404, 409 (not the holder, already acknowledged, room agreed).")
  Mono<NegotiationView> requireNda(Actor actor, @PathVariable UUID id) {
    return talking.requireNda(actor, id);
  }

  @PostMapping("/api/negotiations/{id}/nda-acknowledgement")
  @Operation(summary = "The inquirer acknowledges the required NDA. Idempotent. Roles: the inquirer's OWNER/EDITOR. Errors: 401, 403 (a MEMBER or the broker), 404, 409 (no NDA required, not the inquirer, room agreed).")
  Mono<NegotiationView> acknowledgeNda(Actor actor, @PathVariable UUID id) {
    return talking.acknowledgeNda(actor, id);
  }

  @PostMapping("/api/negotiations/{id}/messages")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Post a plain-text message (1–4000 characters, stored and returned as written, never rendered as HTML by the server). Roles: parties' OWNER/EDITOR and the room's broker. Errors: 400, 401, 403 (a MEMBER), 404, 409 (room agreed), 422 (blank or too long).")
  Mono<MessageView> post(Actor actor, @PathVariable UUID id, @RequestBody MessageRequest request) {
    return talking.post(actor, id, request.body(), Boolean.TRUE.equals(request.confidential()));
  }

  @GetMapping("/api/negotiations/{id}/messages")
  @Operation(summary = "The room's messages, newest first (confidential ones redacted for an inquirer before the NDA). Roles: members of either party and the room's broker. Errors: 400 (bad cursor), 401, 404, 422 (size).")
  Mono<Page<MessageView>> messages(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer size) {
    return talking.list(actor, id, cursor, PageSize.of(size));
  }

  @GetMapping(path = "/api/negotiations/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(summary = "Live updates (Server-Sent Events) of the room: one event per change, named by its type (MessagePosted, OfferMade, OfferAccepted, NdaAcknowledged, BrokerJoined, …) with the room's new version and the id of what changed; fetch the resource for its content. Roles: members of either party and the room's broker. Errors: 401, 404.")
  Flux<ServerSentEvent<RoomChannel.RoomEvent>> events(Actor actor, @PathVariable UUID id) {
    var changes = rooms.follow(id, actor)
        .map(event -> ServerSentEvent.builder(event).id(Long.toString(event.version())).event(event.type()).build());
    // A first comment confirms the subscription; later ones keep proxies from closing a quiet stream.
    var keepAlive = Flux.interval(Duration.ZERO, Duration.ofSeconds(15))
        .map(tick -> ServerSentEvent.<RoomChannel.RoomEvent>builder().comment("keep-alive").build());
    return rooms.seat(id, actor).thenMany(Flux.merge(changes, keepAlive));
  }
}
