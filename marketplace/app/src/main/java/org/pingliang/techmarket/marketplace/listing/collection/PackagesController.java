package org.pingliang.techmarket.marketplace.listing.collection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.ListingAction;
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

/** 科技成果包: curated sets of achievements per industry or theme. */
@RestController
@Tag(name = "achievement packages", description = "科技成果包 — curated sets of published achievements")
class PackagesController {

  private final CuratingPackages packages;

  PackagesController(CuratingPackages packages) {
    this.packages = packages;
  }

  @PostMapping("/api/achievement-packages")
  @Operation(summary = "Create a draft package of published achievements. Roles: ADMIN, BROKER. Errors: 400, 401, 403, 422.")
  Mono<ResponseEntity<PackageView>> create(Actor actor, @Valid @RequestBody PackageForm form) {
    return packages.create(actor, form.toContent())
        .map(created -> ResponseEntity.created(URI.create("/api/achievement-packages/" + created.id()))
            .eTag(Versions.etag(created.version())).body(PackageView.of(created)));
  }

  @GetMapping("/api/achievement-packages")
  @Operation(summary = "Published packages, newest first (public).")
  Mono<Page<PackageView>> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
    return packages.published(cursor, PageSize.of(size))
        .map(found -> new Page<>(found.items().stream().map(PackageView::of).toList(), found.nextCursor()));
  }

  @GetMapping("/api/achievement-packages/{id}")
  @Operation(summary = "One package: published ones for everyone, others for their curator and ADMIN (404 otherwise).")
  Mono<ResponseEntity<PackageView>> get(Actor actor, @PathVariable UUID id) {
    return packages.view(actor, id).map(PackagesController::withEtag);
  }

  @PutMapping("/api/achievement-packages/{id}")
  @Operation(summary = "Change a package. Needs If-Match or version. Roles: its curator (BROKER) or ADMIN. Errors: 400, 401, 403, 404, 409, 422.")
  Mono<ResponseEntity<PackageView>> edit(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody PackageForm form) {
    return packages.edit(actor, id, Versions.required(ifMatch, form.version()), form.toContent())
        .map(PackagesController::withEtag);
  }

  @PostMapping("/api/achievement-packages/{id}/publication")
  @Operation(summary = "Publish. Roles: its curator (BROKER) or ADMIN. Errors: 401, 403, 404, 409.")
  Mono<ResponseEntity<PackageView>> publish(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ListingAction body) {
    return act(actor, id, PackageAction.PUBLISH, ifMatch, body);
  }

  @PostMapping("/api/achievement-packages/{id}/withdrawal")
  @Operation(summary = "Withdraw from the public. Roles: its curator (BROKER) or ADMIN. Errors: 401, 403, 404, 409.")
  Mono<ResponseEntity<PackageView>> withdraw(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ListingAction body) {
    return act(actor, id, PackageAction.WITHDRAW, ifMatch, body);
  }

  @GetMapping("/api/achievement-packages/{id}/history")
  @Operation(summary = "Every version with who changed what. Roles: its curator and ADMIN (404 otherwise).")
  Flux<Revisions.Revision> history(Actor actor, @PathVariable UUID id) {
    return packages.history(actor, id);
  }

  private Mono<ResponseEntity<PackageView>> act(Actor actor, UUID id, PackageAction action, String ifMatch,
      ListingAction body) {
    var request = body == null ? ListingAction.NONE : body;
    return packages.act(actor, id, action, Versions.expected(ifMatch, request.version()), request.reason())
        .map(PackagesController::withEtag);
  }

  private static ResponseEntity<PackageView> withEtag(AchievementPackage pkg) {
    return ResponseEntity.ok().eTag(Versions.etag(pkg.version())).body(PackageView.of(pkg));
  }
}
