package org.pingliang.techmarket.marketplace.listing.imports;

import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live progress over Redis pub/sub, so a browser connected to any instance sees the progress of an
 * import running on another. Losing a message is harmless: the next one carries the totals.
 */
@Component
class ImportProgressChannel {

  private static final String PREFIX = "techmarket:imports:";

  private final ReactiveStringRedisTemplate redis;
  private final JsonMapper json;

  ImportProgressChannel(ReactiveStringRedisTemplate redis, JsonMapper json) {
    this.redis = redis;
    this.json = json;
  }

  Mono<Void> publish(ImportProgress progress) {
    return redis.convertAndSend(PREFIX + progress.importId(), json.writeValueAsString(progress))
        .onErrorResume(error -> Mono.empty())
        .then();
  }

  Flux<ImportProgress> listen(UUID importId) {
    return redis.listenToChannel(PREFIX + importId)
        .map(message -> json.readValue(message.getMessage(), ImportProgress.class));
  }
}
