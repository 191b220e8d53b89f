package org.pingliang.techmarket.marketplace.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publishes with one Lua script (outbox/publish-event.lua) that checks the event's dedupe key and
 * appends the entry atomically, so a retried event never appears twice in the stream.
 */
@Component
class RedisStreamPublisher implements StreamPublisher {

  private static final RedisScript<String> PUBLISH_EVENT =
      RedisScript.of(new ClassPathResource("outbox/publish-event.lua"), String.class);

  private final ReactiveStringRedisTemplate redis;
  private final Duration dedupeTtl;
  private final Duration timeout;

  RedisStreamPublisher(ReactiveStringRedisTemplate redis, OutboxProperties properties) {
    this.redis = redis;
    this.dedupeTtl = properties.dedupeTtl();
    this.timeout = properties.publishTimeout();
  }

  @Override
  public Mono<Publication> publish(PendingEvent event) {
    var arguments = new ArrayList<String>();
    arguments.add(Long.toString(dedupeTtl.toSeconds()));
    event.envelope().toStreamFields().forEach((field, value) -> {
      arguments.add(field);
      arguments.add(value);
    });
    return redis.execute(PUBLISH_EVENT, List.of(dedupeKey(event), event.stream()), arguments)
        .single()
        .map(Publication::parse)
        .timeout(timeout);
  }

  /**
   * The stream's name as hash tag puts the key in the stream's cluster slot, which a script touching
   * both needs on Redis Cluster.
   */
  static String dedupeKey(PendingEvent event) {
    return "{" + event.stream() + "}:outbox-dedupe:" + event.envelope().eventId();
  }
}
