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

/** 服务需求: what enterprises, villages and communities need from S&T commissioners. */
@RestController
@Tag(name = "service-requests", description = "服务需求 — service requests of enterprises, villages and communities")
class ServiceRequestsController {

  private final ServiceRequests requests;

  ServiceRequestsController(ServiceRequests requests) {
    this.requests = requests;
  }

  @PostMapping("/api/service-requests")
  @Operation(summary = "Post a service request. Roles: ENTERPRISE (owner/editor of the verified, not banned "
      + "enterprise named by organisationId) or ADMIN (for a VILLAGE or COMMUNITY: requesterKind, placeName, "
      + "optional villageId). Errors: 400, 401, 403, 404, 409 (organisation not verified), 422.")
  Mono<ResponseEntity<ServiceRequestView>> post(Actor actor, @Valid @RequestBody ServiceRequestForm form) {
    return requests.post(actor, form)
        .map(created -> ResponseEntity.created(URI.create("/api/service-requests/" + created.id()))
            .eTag(Versions.etag(created.version())).body(ServiceRequestView.of(created)));
  }

  @GetMapping("/api/service-requests")
  @Operation(summary = "Service requests, newest first. ADMIN and active commissioners: all (status default OPEN, "
      + "optional organisationId); ENTERPRISE: its organisations' requests. Roles: ADMIN, COMMISSIONER, ENTERPRISE. "
      + "Errors: 400, 401, 403, 422.")
  Mono<Page<ServiceRequestView>> list(Actor actor, @RequestParam(required = false) UUID organisationId,
      @RequestParam(required = false) ServiceRequest.Status status, @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer size) {
    return requests.list(actor, organisationId, status, cursor, PageSize.of(size))
        .map(found -> new Page<>(found.items().stream().map(ServiceRequestView::of).toList(), found.nextCursor()));
  }

  @GetMapping("/api/service-requests/{id}")
  @Operation(summary = "One request. Roles: ADMIN, active commissioners, members of the requesting enterprise "
      + "(404 for others).")
  Mono<ResponseEntity<ServiceRequestView>> get(Actor actor, @PathVariable UUID id) {
    return requests.view(actor, id).map(ServiceRequestsController::withEtag);
  }

  @PutMapping("/api/service-requests/{id}")
  @Operation(summary = "Change an open request. Needs If-Match or version. Roles: ENTERPRISE (owner/editor of the "
      + "requesting enterprise) or ADMIN (village and community requests). Errors: 400, 401, 403, 404, 409, 422.")
  Mono<ResponseEntity<ServiceRequestView>> edit(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody ServiceRequestForm form) {
    return Mono.defer(() -> requests.edit(actor, id, Versions.required(ifMatch, form.version()), form.toContent()))
        .map(ServiceRequestsController::withEtag);
  }

  @PostMapping("/api/service-requests/{id}/closure")
  @Operation(summary = "Close a request (it leaves matches). Roles: who may edit it, or ADMIN. Errors: 401, 403, 404, 409.")
  Mono<ResponseEntity<ServiceRequestView>> close(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ListingAction body) {
    var request = body == null ? ListingAction.NONE : body;
    return requests.close(actor, id, Versions.expected(ifMatch, request.version()), request.reason())
        .map(ServiceRequestsController::withEtag);
  }

  @GetMapping("/api/service-requests/{id}/history")
  @Operation(summary = "Every version of a request. Roles: who may see it (404 otherwise).")
  Flux<ServiceStore.Revision> history(Actor actor, @PathVariable UUID id) {
    return requests.history(actor, id);
  }

  private static ResponseEntity<ServiceRequestView> withEtag(ServiceRequest request) {
    return ResponseEntity.ok().eTag(Versions.etag(request.version())).body(ServiceRequestView.of(request));
  }
}
