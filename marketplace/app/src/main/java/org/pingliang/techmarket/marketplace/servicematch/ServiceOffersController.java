package org.pingliang.techmarket.marketplace.servicematch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.ListingAction;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 服务供给: what S&T commissioners offer to villages, enterprises and communities. */
@RestController
@Tag(name = "service-offers", description = "服务供给 — S&T commissioners' service offers")
class ServiceOffersController {

  private final ServiceOffers offers;

  ServiceOffersController(ServiceOffers offers) {
    this.offers = offers;
  }

  @PostMapping("/api/service-offers")
  @Operation(summary = "Publish a service offer (active at once). Roles: COMMISSIONER, selected now and not banned. "
      + "Errors: 400, 401, 403 (not an active commissioner, trading-banned), 422.")
  Mono<ResponseEntity<ServiceOfferView>> publish(Actor actor, @Valid @RequestBody ServiceOfferForm form) {
    return offers.publish(actor, form.toContent())
        .map(created -> ResponseEntity.created(URI.create("/api/service-offers/" + created.id()))
            .eTag(Versions.etag(created.version())).body(ServiceOfferView.of(created)));
  }

  @GetMapping("/api/service-offers")
  @Operation(summary = "Active offers of active commissioners, newest first (public); mine=true: the caller's own "
      + "offers in any status (authenticated). Errors: 400 (cursor), 401 (mine without a token), 422 (size).")
  Mono<Page<ServiceOfferView>> list(Actor actor, @RequestParam(required = false) Boolean mine,
      @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
    var pageSize = PageSize.of(size);
    var page = Boolean.TRUE.equals(mine) ? offers.mine(actor, cursor, pageSize) : offers.active(cursor, pageSize);
    return page.map(found -> new Page<>(found.items().stream().map(ServiceOfferView::of).toList(), found.nextCursor()));
  }

  @GetMapping("/api/service-offers/{id}")
  @Operation(summary = "One offer: public while active and its commissioner active; otherwise only its commissioner "
      + "and ADMIN (404 for others).")
  Mono<ResponseEntity<ServiceOfferView>> get(Actor actor, @PathVariable UUID id) {
    return offers.view(actor, id).map(ServiceOffersController::withEtag);
  }

  @PutMapping("/api/service-offers/{id}")
  @Operation(summary = "Change an active offer. Needs If-Match or version. Roles: COMMISSIONER (its own, active). "
      + "Errors: 400, 401, 403, 404, 409 (stale version, withdrawn), 422.")
  Mono<ResponseEntity<ServiceOfferView>> edit(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody ServiceOfferForm form) {
    return offers.edit(actor, id, Versions.required(ifMatch, form.version()), form.toContent())
        .map(ServiceOffersController::withEtag);
  }

  @PostMapping("/api/service-offers/{id}/withdrawal")
  @Operation(summary = "Withdraw an offer (it leaves lists and matches). Roles: COMMISSIONER (its own) or ADMIN "
      + "(moderation). Errors: 401, 403, 404, 409.")
  Mono<ResponseEntity<ServiceOfferView>> withdraw(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ListingAction body) {
    var request = body == null ? ListingAction.NONE : body;
    return offers.withdraw(actor, id, Versions.expected(ifMatch, request.version()), request.reason())
        .map(ServiceOffersController::withEtag);
  }

  @GetMapping("/api/service-offers/{id}/history")
  @Operation(summary = "Every version of an offer. Roles: its commissioner and ADMIN (404 otherwise).")
  Flux<ServiceStore.Revision> history(Actor actor, @PathVariable UUID id) {
    return offers.history(actor, id);
  }

  private static ResponseEntity<ServiceOfferView> withEtag(ServiceOffer offer) {
    return ResponseEntity.ok().eTag(Versions.etag(offer.version())).body(ServiceOfferView.of(offer));
  }
}
