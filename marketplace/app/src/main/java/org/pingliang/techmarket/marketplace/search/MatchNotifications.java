package org.pingliang.techmarket.marketplace.search;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * New strong matches announced over Redis pub/sub, so a broker connected to any instance hears of a
 * match found on another. A lost message loses nothing: the queue itself is in PostgreSQL.
 */
@Component
class MatchNotifications {

  static final String CHANNEL = "techmarket:match-queue:new";

  private final ReactiveStringRedisTemplate redis;
  private final JsonMapper json;

  MatchNotifications(ReactiveStringRedisTemplate redis, JsonMapper json) {
    this.redis = redis;
    this.json = json;
  }

  Mono<Void> announce(MatchQueueEntry entry) {
    return redis.convertAndSend(CHANNEL, json.writeValueAsString(entry)).onErrorResume(error -> Mono.empty()).then();
  }

  /**
   * Completes once Redis has confirmed the subscription, with the announcements from then on: a
   * client told "ready" after this hears every match announced afterwards.
   */
  Mono<Flux<MatchQueueEntry>> listenOnceSubscribed() {
    return redis.listenToChannelLater(CHANNEL).map(messages ->
        messages.map(message -> json.readValue(message.getMessage(), MatchQueueEntry.class)));
  }
}
