package org.pingliang.techmarket.marketplace.listing.achievement;

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

/** 科技成果: register, review, publish and browse technology achievements. */
@RestController
@Tag(name = "achievements", description = "科技成果 — technology achievements")
class AchievementsController {

  private final ManagingAchievements achievements;

  AchievementsController(ManagingAchievements achievements) {
    this.achievements = achievements;
  }

  @PostMapping("/api/achievements")
  @Operation(summary = "Register a draft achievement for an organisation you edit for. Roles: UNIVERSITY (owner/editor of the organisation). Errors: 400, 401, 403, 404, 422.")
  Mono<ResponseEntity<AchievementView>> create(Actor actor, @Valid @RequestBody AchievementForm form) {
    if (form.organisationId() == null) {
      return Mono.error(ListingProblems.invalid("organisationId", "not-null"));
    }
    return achievements.create(actor, form.organisationId(), form.toContent(), form.externalId())
        .map(created -> ResponseEntity.created(URI.create("/api/achievements/" + created.id()))
            .eTag(Versions.etag(created.version()))
            .body(AchievementView.of(created)));
  }

  @GetMapping("/api/achievements")
  @Operation(summary = "Published achievements, newest first (public); with organisationId, all of that organisation's achievements (its members and ADMIN). Errors: 400, 404, 422.")
  Mono<Page<AchievementView>> list(Actor actor, @RequestParam(required = false) UUID organisationId,
      @RequestParam(required = false) AchievementStatus status, @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer size) {
    var pageSize = PageSize.of(size);
    var page = organisationId == null
        ? achievements.published(cursor, pageSize)
        : achievements.ofOrganisation(actor, organisationId, status, cursor, pageSize);
    return page.map(found -> new Page<>(found.items().stream().map(AchievementView::of).toList(), found.nextCursor()));
  }

  @GetMapping("/api/achievements/{id}")
  @Operation(summary = "One achievement: published ones for everyone, others for the holder's members and ADMIN (404 otherwise).")
  Mono<ResponseEntity<AchievementView>> get(Actor actor, @PathVariable UUID id) {
    return achievements.view(actor, id).map(AchievementsController::withEtag);
  }

  @PutMapping("/api/achievements/{id}")
  @Operation(summary = "Change a draft, rejected or withdrawn achievement (it becomes a draft). Needs If-Match or version. Roles: UNIVERSITY (owner/editor). Errors: 400, 401, 403, 404, 409, 422.")
  Mono<ResponseEntity<AchievementView>> edit(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody AchievementForm form) {
    var version = Versions.required(ifMatch, form.version());
    return achievements.edit(actor, id, version, form.toContent()).map(AchievementsController::withEtag);
  }

  @PostMapping("/api/achievements/{id}/submission")
  @Operation(summary = "Submit for review (待审核); the organisation must be verified. Roles: UNIVERSITY (owner/editor). Errors: 401, 403, 404, 409.")
  Mono<ResponseEntity<AchievementView>> submit(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ListingAction body) {
    return act(actor, id, AchievementAction.SUBMIT, ifMatch, body);
  }

  @PostMapping("/api/achievements/{id}/publication")
  @Operation(summary = "Publish after review (已发布). Roles: ADMIN. Errors: 401, 403, 404, 409.")
  Mono<ResponseEntity<AchievementView>> publish(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ListingAction body) {
    return act(actor, id, AchievementAction.PUBLISH, ifMatch, body);
  }

  @PostMapping("/api/achievements/{id}/rejection")
  @Operation(summary = "Reject after review, with a reason (已驳回). Roles: ADMIN. Errors: 401, 403, 404, 409, 422.")
  Mono<ResponseEntity<AchievementView>> reject(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ListingAction body) {
    return act(actor, id, AchievementAction.REJECT, ifMatch, body);
  }

  @PostMapping("/api/achievements/{id}/withdrawal")
  @Operation(summary = "Withdraw a submission (back to draft) or take a published achievement off the market. Roles: UNIVERSITY (owner/editor); ADMIN for published ones. Errors: 401, 403, 404, 409.")
  Mono<ResponseEntity<AchievementView>> withdraw(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ListingAction body) {
    return act(actor, id, AchievementAction.WITHDRAW, ifMatch, body);
  }

  @PostMapping("/api/achievements/{id}/archival")
  @Operation(summary = "Archive for good (已归档). Roles: UNIVERSITY (owner/editor). Errors: 401, 403, 404, 409.")
  Mono<ResponseEntity<AchievementView>> archive(Actor actor, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ListingAction body) {
    return act(actor, id, AchievementAction.ARCHIVE, ifMatch, body);
  }

  @GetMapping("/api/achievements/{id}/history")
  @Operation(summary = "Every version with who changed what and why. Roles: the holder's members and ADMIN (404 otherwise).")
  Flux<Revisions.Revision> history(Actor actor, @PathVariable UUID id) {
    return achievements.history(actor, id);
  }

  @GetMapping("/api/moderation/achievements")
  @Operation(summary = "The review queue: submitted achievements, oldest first. Roles: ADMIN.")
  Flux<AchievementView> reviewQueue(@RequestParam(required = false) Integer size) {
    return achievements.reviewQueue(PageSize.of(size)).map(AchievementView::of);
  }

  private Mono<ResponseEntity<AchievementView>> act(Actor actor, UUID id, AchievementAction action, String ifMatch,
      ListingAction body) {
    var request = body == null ? ListingAction.NONE : body;
    var version = Versions.expected(ifMatch, request.version());
    return achievements.act(actor, id, action, version, request.reason()).map(AchievementsController::withEtag);
  }

  private static ResponseEntity<AchievementView> withEtag(Achievement achievement) {
    return ResponseEntity.ok().eTag(Versions.etag(achievement.version())).body(AchievementView.of(achievement));
  }
}
