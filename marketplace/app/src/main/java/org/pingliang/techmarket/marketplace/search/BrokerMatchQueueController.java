package org.pingliang.techmarket.marketplace.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.ListingProblems;
import org.pingliang.techmarket.marketplace.listing.shared.Page;
import org.pingliang.techmarket.marketplace.listing.shared.PageSize;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.ProblemType;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 经纪人撮合队列: strong demand ↔ achievement matches for technology brokers to follow up. */
@RestController
@Tag(name = "broker match queue", description = "撮合队列 — strong new matches for brokers, live over SSE")
class BrokerMatchQueueController {

  private final MatchQueueStore store;
  private final MatchNotifications notifications;

  BrokerMatchQueueController(MatchQueueStore store, MatchNotifications notifications) {
    this.store = store;
    this.notifications = notifications;
  }

  @GetMapping("/api/broker/match-queue")
  @Operation(summary = "Strong matches found when a demand or achievement was published or changed, newest first, "
      + "with score, breakdown and reasons; status NEW (default), CLAIMED or DISMISSED; cursor-paged. Roles: BROKER. "
      + "Errors: 400 (cursor, status), 401, 403, 422 (size).")
  Mono<Page<MatchQueueEntry>> list(@RequestParam(required = false) String status,
      @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
    return Mono.defer(() -> {
      var wanted = status(status);
      var pageSize = PageSize.of(size);
      var after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
      return store.page(wanted, after, pageSize + 1).collectList().map(rows -> {
        var items = rows.subList(0, Math.min(pageSize, rows.size()));
        var next = rows.size() > pageSize ? new Cursor(items.getLast().createdAt(), items.getLast().id()).encode() : null;
        return new Page<>(items, next);
      });
    });
  }

  @PostMapping("/api/broker/match-queue/{id}/claim")
  @Operation(summary = "Claim a NEW match to follow it up (认领). Roles: BROKER. Errors: 401, 403, 404, 409 (already claimed or dismissed).")
  Mono<MatchQueueEntry> claim(Actor actor, @PathVariable UUID id) {
    return decide(actor, id, MatchQueueEntry.CLAIMED);
  }

  @PostMapping("/api/broker/match-queue/{id}/dismissal")
  @Operation(summary = "Dismiss a NEW match as not worth following (忽略). Roles: BROKER. Errors: 401, 403, 404, 409.")
  Mono<MatchQueueEntry> dismiss(Actor actor, @PathVariable UUID id) {
    return decide(actor, id, MatchQueueEntry.DISMISSED);
  }

  @GetMapping(path = "/api/broker/match-queue/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(summary = "Live: each new strong match as it is found (Server-Sent Events, event 'match'), from Redis "
      + "pub/sub so every instance hears every match. The first event, 'ready' (data {\"subscribed\": true}), says the stream is "
      + "subscribed: every match found after it is delivered. Roles: BROKER. Errors: 401, 403.")
  Flux<ServerSentEvent<Object>> events() {
    // Data, not just a name: browsers drop an event whose data is empty.
    var ready = ServerSentEvent.<Object>builder(Map.of("subscribed", true)).event("ready").build();
    var matches = notifications.listenOnceSubscribed().flatMapMany(announced -> announced
        .map(entry -> ServerSentEvent.<Object>builder(entry).event("match").id(entry.id().toString()).build())
        .startWith(ready));
    // Comments keep proxies from closing a quiet stream.
    var keepAlive = Flux.interval(Duration.ofSeconds(15))
        .map(tick -> ServerSentEvent.<Object>builder().comment("keep-alive").build());
    return Flux.merge(matches, keepAlive);
  }

  private Mono<MatchQueueEntry> decide(Actor actor, UUID id, String status) {
    return store.decide(id, status, actor.subject())
        .switchIfEmpty(Mono.defer(() -> store.find(id)
            .switchIfEmpty(Mono.error(ListingProblems.notFound()))
            .flatMap(entry -> Mono.error(new ApiProblem(ProblemType.CONFLICT, "match-queue.already-decided",
                entry.status())))));
  }

  private static String status(String status) {
    if (status == null || status.isBlank()) {
      return MatchQueueEntry.NEW;
    }
    return switch (status.strip()) {
      case MatchQueueEntry.NEW, MatchQueueEntry.CLAIMED, MatchQueueEntry.DISMISSED -> status.strip();
      default -> throw SearchProblems.invalid("status", "invalid-value");
    };
  }
}
