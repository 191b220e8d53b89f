package org.pingliang.techmarket.marketplace.credit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.credit.BanStore.Ban;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.PageSize;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 信用: engagements and ratings between their parties, credit profiles, and the integrity blacklist. */
@RestController
@Tag(name = "credit", description = "信用 — ratings, credit profiles and the integrity blacklist (失信名单)")
class CreditController {

  private final Ratings ratings;
  private final CreditProfiles profiles;
  private final Blacklist blacklist;

  CreditController(Ratings ratings, CreditProfiles profiles, Blacklist blacklist) {
    this.ratings = ratings;
    this.profiles = profiles;
    this.blacklist = blacklist;
  }

  record RatingRequest(Integer ratedPosition, Integer stars, String comment) {}

  record BanRequest(UUID organisationId, String personSubject, String personName, String reason) {}

  record LiftRequest(String reason) {}

  /** A ban as the bureau sees it. */
  record BanView(UUID id, String subjectType, UUID organisationId, String personSubject, String name, String reason,
      String decidedBy, Instant imposedAt, boolean inForce, Instant liftedAt, String liftedBy, String liftReason,
      long version) {

    static BanView of(Ban ban) {
      return new BanView(ban.id(), ban.organisationId() != null ? "ORGANISATION" : "PERSON", ban.organisationId(),
          ban.personSubject(), ban.name(), ban.reason(), ban.decidedBy(), ban.imposedAt(), ban.inForce(),
          ban.liftedAt(), ban.liftedBy(), ban.liftReason(), ban.version());
    }
  }

  /** A name on the public blacklist: no subjects of people, only the name the bureau published. */
  record BlacklistEntry(String subjectType, UUID organisationId, String name, String reason, Instant imposedAt) {}

  record BanPageView(List<BanView> items, int page, int size, long total) {}

  @GetMapping("/api/engagements")
  @Operation(summary = "My finished engagements (contracts, services, bookings) — where I am a named person or a member of a party — newest first, with the ratings given and the parties I may still rate. Roles: any signed-in user. Errors: 400, 401.")
  Flux<Ratings.EngagementView> mine(Actor actor, @RequestParam(required = false) Integer size) {
    return ratings.mine(actor, PageSize.of(size));
  }

  @GetMapping("/api/engagements/{id}")
  @Operation(summary = "One finished engagement with its parties and ratings. Roles: its parties (named person or member of a party's organisation). Errors: 401, 404 (also for anyone else).")
  Mono<Ratings.EngagementView> engagement(Actor actor, @PathVariable UUID id) {
    return ratings.view(actor, id);
  }

  @PostMapping("/api/engagements/{id}/ratings")
  @Operation(summary = "Rate another side of a finished engagement once: 1–5 stars and an optional comment (≤1000 characters). Roles: a party (the named person, or OWNER/EDITOR of its organisation). Errors: 400, 401, 403 (a party's MEMBER), 404 (not a party), 409 (already rated), 422 (stars, own side, unknown position).")
  Mono<ResponseEntity<Ratings.EngagementView>> rate(Actor actor, @PathVariable UUID id,
      @RequestBody RatingRequest request) {
    return ratings.rate(actor, id, request.ratedPosition(), request.stars(), request.comment())
        .map(view -> ResponseEntity.created(URI.create("/api/engagements/" + id)).body(view));
  }

  @GetMapping("/api/credit-profiles/organisations/{id}")
  @Operation(summary = "Credit profile (信用档案) of a verified organisation: score 0–100, status and each component with its explanation in the request's language (Accept-Language). Public. Errors: 400, 404.")
  Mono<CreditProfiles.CreditProfile> organisationProfile(@PathVariable UUID id, ServerWebExchange exchange) {
    return profiles.organisation(id, locale(exchange));
  }

  @GetMapping("/api/credit-profiles/people/{subject}")
  @Operation(summary = "Credit profile of a person (a broker or commissioner) by user id. Public. Errors: 400.")
  Mono<CreditProfiles.CreditProfile> personProfile(@PathVariable String subject, ServerWebExchange exchange) {
    if (subject.length() > 255) {
      return Mono.error(CreditProblems.invalid("subject", "size"));
    }
    return profiles.person(subject, locale(exchange));
  }

  @GetMapping("/api/blacklist")
  @Operation(summary = "The public integrity blacklist (失信名单): names and reasons of the bans in force, newest first. Public.")
  Mono<List<BlacklistEntry>> publicBlacklist() {
    return blacklist.list(true, 0, 1000).map(page -> page.items().stream()
        .map(ban -> new BlacklistEntry(ban.organisationId() != null ? "ORGANISATION" : "PERSON", ban.organisationId(),
            ban.name(), ban.reason(), ban.imposedAt()))
        .toList());
  }

  @GetMapping("/api/trading-bans")
  @Operation(summary = "Every ban (in force and lifted, or only those in force with inForce=true), newest first, by page. Roles: ADMIN. Errors: 400, 401, 403.")
  Mono<BanPageView> bans(@RequestParam(required = false) Boolean inForce, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    var pageNumber = page == null ? 0 : page;
    if (pageNumber < 0) {
      return Mono.error(CreditProblems.invalid("page", "min"));
    }
    var pageSize = PageSize.of(size);
    return blacklist.list(Boolean.TRUE.equals(inForce), pageNumber, pageSize)
        .map(found -> new BanPageView(found.items().stream().map(BanView::of).toList(), found.page(), found.size(),
            found.total()));
  }

  @PostMapping("/api/trading-bans")
  @Operation(summary = "Ban (列入失信名单) an organisation (organisationId) or a person (personSubject, with the personName to publish) for misconduct, with a reason; they can no longer trade. Roles: ADMIN. Errors: 400, 401, 403, 409 (already banned), 422.")
  Mono<ResponseEntity<BanView>> ban(Actor actor, @RequestBody BanRequest request) {
    return blacklist.ban(actor, request.organisationId(), request.personSubject(), request.personName(),
            request.reason())
        .map(ban -> ResponseEntity.created(URI.create("/api/trading-bans/" + ban.id())).body(BanView.of(ban)));
  }

  @PostMapping("/api/trading-bans/{id}/lifting")
  @Operation(summary = "Lift a ban (移出失信名单) with a reason. Roles: ADMIN. Errors: 400, 401, 403, 404, 409 (not in force), 422.")
  Mono<BanView> lift(Actor actor, @PathVariable UUID id, @RequestBody LiftRequest request) {
    return blacklist.lift(actor, id, request.reason()).map(BanView::of);
  }

  private static Locale locale(ServerWebExchange exchange) {
    var locale = exchange.getLocaleContext().getLocale();
    return locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
  }
}
