package org.pingliang.techmarket.marketplace.negotiation;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live updates of a room over Redis pub/sub, so a browser connected to any instance hears changes
 * made on another. Published after the commit; a lost message only delays the reader until its
 * next fetch. Messages carry ids and the new version, never content, so the NDA and visibility
 * rules stay with the REST reads.
 */
@Component
class RoomChannel {

  private static final String PREFIX = "techmarket:negotiations:";

  /** What changed in a room: {@code type} is the event type (e.g. {@code MessagePosted}). */
  record RoomEvent(UUID negotiationId, long version, String type, UUID subjectId, Instant occurredAt) {}

  private final ReactiveStringRedisTemplate redis;
  private final JsonMapper json;

  RoomChannel(ReactiveStringRedisTemplate redis, JsonMapper json) {
    this.redis = redis;
    this.json = json;
  }

  Mono<Void> publish(RoomEvent event) {
    return redis.convertAndSend(PREFIX + event.negotiationId(), json.writeValueAsString(event))
        .onErrorResume(error -> Mono.empty())
        .then();
  }

  Flux<RoomEvent> listen(UUID negotiationId) {
    return redis.listenToChannel(PREFIX + negotiationId)
        .map(message -> json.readValue(message.getMessage(), RoomEvent.class));
  }
}
