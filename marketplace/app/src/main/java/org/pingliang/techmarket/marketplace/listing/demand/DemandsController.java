package org.pingliang.techmarket.marketplace.listing.demand;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.ListingAction;
import org.pingliang.techmarket.marketplace.listing.shared.ListingProblems;
import org.pingliang.techmarket.marketplace.listing.shared.Page;
import org.pingliang.techmarket.marketplace.listing.shared.PageSize;
import org.pingliang.techmarket.marketplace.listing.shared.Revisions;
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

/** 技术需求: enterprises post the problems they need solved; everyone may browse open ones. */
@RestController
@Tag(name = "demands", description = "技术需求 — technology demands and public challenges (揭榜挂帅)")
class DemandsController {

  private final ManagingDemands demands;

  DemandsController(ManagingDemands demands) {
    this.demands = demands;
  }

  @PostMapping("/api/demands")
  @Operation(summary = "Post a demand for a verified enterprise you edit for; it is public at once. Roles: ENTERPRISE (owner/editor). Errors: 400, 401, 403, 404, 409, 422.")
  Mono<ResponseEntity<DemandView>> create(Actor actor, @Valid @RequestBody DemandForm form) {
    if (form.organisationId() == null) {
      return Mono.error(ListingProblems.invalid("organisationId", "not-null"));
    }
    return demands.create(actor, form.organisationId(), form.toContent())
        .map(created -> ResponseEntity.created(URI.create("/api/demands/" + created.id()))
            .eTag(Versions.etag(created.version())).body(DemandView.of(created)));
  }

  @GetMapping("/api/demands")
  @Operation(summary = "Open demands, newest first (public; challenge=true for public challenges only); with organisationId, all of that organisation's demands (its members and ADMIN).")
  Mono<Page<DemandView>> list(Actor actor, @RequestParam(required = false) UUID organisationId,
      @RequestParam(required = false) DemandStatus status, @RequestParam(required = false) Boolean challenge,
      @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
    var pageSize = PageSize.of(size);
    var page = organisationId == null
        ? demands.open(Boolean.TRUE.equals(challenge), cursor, pageSize)
        : demands.ofOrganisation(actor, organisationId, status, cursor, pageSize);
    return page.map(found -> new Page<>(found.items().stream().map(DemandView::of).toList(), found.nextCursor()));
  }

  @GetMapping("/api/demands/{id}")
  @Operation(summary = "One demand: public unless closed; closed ones for the poster's members and ADMIN (404 otherwise).")
  Mono<ResponseEntity<DemandView>> get(Actor actor, @PathVariable UUID id) {
    return demands.view(actor, id).map(DemandsController::withEtag);
  }

  @PutMapping("/api/demands/{id}")
  @Operation(summary = "Change an open demand. Needs If-Match or version. Roles: ENTERPRISE (owner/editor). Errors: 400, 401, 403, 404, 409, 422.")
  Mono<ResponseEntity<DemandView>> edit(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody DemandForm form) {
    return demands.edit(actor, id, Versions.required(ifMatch, form.version()), form.toContent())
        .map(DemandsController::withEtag);
  }

  @PostMapping("/api/demands/{id}/negotiation")
  @Operation(summary = "Mark as in negotiation (洽谈中). Roles: ENTERPRISE (owner/editor). Errors: 401, 403, 404, 409.")
  Mono<ResponseEntity<DemandView>> negotiate(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ListingAction body) {
    return act(actor, id, DemandAction.START_NEGOTIATION, ifMatch, body);
  }

  @PostMapping("/api/demands/{id}/reopening")
  @Operation(summary = "Negotiation failed: open again. Roles: ENTERPRISE (owner/editor). Errors: 401, 403, 404, 409.")
  Mono<ResponseEntity<DemandView>> reopen(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ListingAction body) {
    return act(actor, id, DemandAction.REOPEN, ifMatch, body);
  }

  @PostMapping("/api/demands/{id}/solution")
  @Operation(summary = "Mark as solved (已解决). Roles: ENTERPRISE (owner/editor). Errors: 401, 403, 404, 409.")
  Mono<ResponseEntity<DemandView>> solve(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ListingAction body) {
    return act(actor, id, DemandAction.SOLVE, ifMatch, body);
  }

  @PostMapping("/api/demands/{id}/closure")
  @Operation(summary = "Close (已关闭), with an optional reason. Roles: ENTERPRISE (owner/editor) or ADMIN (moderation). Errors: 401, 403, 404, 409.")
  Mono<ResponseEntity<DemandView>> close(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ListingAction body) {
    return act(actor, id, DemandAction.CLOSE, ifMatch, body);
  }

  @GetMapping("/api/demands/{id}/history")
  @Operation(summary = "Every version with who changed what and why. Roles: the poster's members and ADMIN (404 otherwise).")
  Flux<Revisions.Revision> history(Actor actor, @PathVariable UUID id) {
    return demands.history(actor, id);
  }

  private Mono<ResponseEntity<DemandView>> act(Actor actor, UUID id, DemandAction action, String ifMatch,
      ListingAction body) {
    var request = body == null ? ListingAction.NONE : body;
    return demands.act(actor, id, action, Versions.expected(ifMatch, request.version()), request.reason())
        .map(DemandsController::withEtag);
  }

  private static ResponseEntity<DemandView> withEtag(Demand demand) {
    return ResponseEntity.ok().eTag(Versions.etag(demand.version())).body(DemandView.of(demand));
  }
}
