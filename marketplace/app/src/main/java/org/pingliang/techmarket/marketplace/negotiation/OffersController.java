package org.pingliang.techmarket.marketplace.negotiation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Page;
import org.pingliang.techmarket.marketplace.listing.shared.PageSize;
import org.pingliang.techmarket.marketplace.negotiation.internal.OfferDraft;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Structured offers (报价) in a room: make, counter, accept, decline, withdraw. */
@RestController
@Tag(name = "negotiations")
class OffersController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Bargaining bargaining;

  OffersController(Bargaining bargaining) {
    this.bargaining = bargaining;
  }

  /** Money as sent: whole fen and the currency (CNY). */
  record MoneyRequest(Long amountFen, String currency) {}

  /** One payment milestone: sequence 1..n in order, title, amount, due date. */
  record MilestoneRequest(Integer sequence, String title, MoneyRequest amount, LocalDate dueDate) {}

  /** An offer: price, schedule (adding up to the price), contract type and subtype, scope, term and expiry. */
  record OfferRequest(MoneyRequest price, List<MilestoneRequest> milestones, String contractType, String contractSubtype,
      String scope, Integer termMonths, OffsetDateTime expiresAt) {

    OfferDraft toDraft() {
      return new OfferDraft(price == null ? null : price.amountFen(), price == null ? null : price.currency(),
          milestones == null ? null : milestones.stream().map(m -> m == null ? null
              : new OfferDraft.MilestoneDraft(m.sequence(), m.title(), m.amount() == null ? null : m.amount().amountFen(),
                  m.dueDate())).toList(),
          contractType, contractSubtype, scope, termMonths, expiresAt == null ? null : expiresAt.toInstant());
    }
  }

  @PostMapping("/api/negotiations/{id}/offers")
  @Operation(summary = "Make an offer, or counter the open one (which becomes SUPERSEDED). Contract types: TECHNOLOGY_DEVELOPMENT (COMMISSIONED, COOPERATIVE), TECHNOLOGY_TRANSFER (PATENT_RIGHT, PATENT_APPLICATION_RIGHT, TECHNICAL_SECRET, OTHER), TECHNOLOGY_LICENSING (PATENT_LICENSE, TECHNICAL_SECRET_LICENSE, OTHER), TECHNICAL_CONSULTING (none), TECHNICAL_SERVICE (GENERAL, INTERMEDIARY, TRAINING). Accepts Idempotency-Key: a replay returns the first offer (200). Roles: parties' OWNER/EDITOR. Errors: 400, 401, 403 (a MEMBER or the broker), 404, 409 (room agreed, NDA not acknowledged), 422 (field errors, e.g. milestones not adding up to the price).")
  Mono<ResponseEntity<OfferView>> make(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, @RequestBody OfferRequest request) {
    return bargaining.make(actor, id, request.toDraft(), idempotencyKey)
        .map(outcome -> ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .location(URI.create("/api/negotiations/" + id + "/offers/" + outcome.offer().id()))
            .body(outcome.offer()));
  }

  @GetMapping("/api/negotiations/{id}/offers")
  @Operation(summary = "The room's offers, newest first (terms redacted for an inquirer before a required NDA). Roles: members of either party and the room's broker. Errors: 400 (bad cursor), 401, 404, 422 (size).")
  Mono<Page<OfferView>> list(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer size) {
    return bargaining.list(actor, id, cursor, PageSize.of(size));
  }

  @GetMapping("/api/negotiations/{id}/offers/{offerId}")
  @Operation(summary = "One offer; an open offer past its expiry reads EXPIRED. Roles: members of either party and the room's broker. Errors: 401, 404.")
  Mono<OfferView> get(Actor actor, @PathVariable UUID id, @PathVariable UUID offerId) {
    return bargaining.show(actor, id, offerId);
  }

  @PostMapping("/api/negotiations/{id}/offers/{offerId}/acceptance")
  @Operation(summary = "Accept the other side's open offer: the room becomes AGREED and a contract draft is created in the same transaction (its id is on the room). Exactly one acceptance wins crossing requests. Accepts Idempotency-Key. Roles: the other party's OWNER/EDITOR. Errors: 401, 403 (a MEMBER or the broker), 404, 409 (own offer, offer not open or expired, room agreed, NDA not acknowledged), 422 (Idempotency-Key reused for something else).")
  Mono<OfferView> accept(Actor actor, @PathVariable UUID id, @PathVariable UUID offerId,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
    return bargaining.accept(actor, id, offerId, idempotencyKey);
  }

  @PostMapping("/api/negotiations/{id}/offers/{offerId}/declination")
  @Operation(summary = "Decline the other side's open offer. Roles: the other party's OWNER/EDITOR. Errors: 401, 403, 404, 409 (own offer, offer not open or expired, room agreed).")
  Mono<OfferView> decline(Actor actor, @PathVariable UUID id, @PathVariable UUID offerId) {
    return bargaining.decline(actor, id, offerId);
  }

  @PostMapping("/api/negotiations/{id}/offers/{offerId}/withdrawal")
  @Operation(summary = "Withdraw your side's open offer. Roles: the maker's party OWNER/EDITOR. Errors: 401, 403, 404, 409 (not your side's offer, offer not open, room agreed).")
  Mono<OfferView> withdraw(Actor actor, @PathVariable UUID id, @PathVariable UUID offerId) {
    return bargaining.withdraw(actor, id, offerId);
  }
}
