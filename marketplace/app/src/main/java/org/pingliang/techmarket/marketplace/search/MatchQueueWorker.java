package org.pingliang.techmarket.marketplace.search;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.events.EventEnvelope;
import org.pingliang.techmarket.events.EventStreams;
import org.pingliang.techmarket.search.query.InvalidSearchException;
import org.pingliang.techmarket.search.query.ListingHit;
import org.pingliang.techmarket.search.query.ListingMatcher;
import org.pingliang.techmarket.search.query.RankingMode;
import org.pingliang.techmarket.search.query.SearchRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.ReactiveStreamOperations;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the strong matches of every listing that is published or changed and puts them in the
 * brokers' queue. It reads the listings stream in its own consumer group, so it neither competes
 * with search-indexer nor depends on it running; an entry is acknowledged only after its matches
 * are stored, so a crash or an outage (Redis, Elasticsearch, PostgreSQL) means a retry, not a loss
 * (at least once), and storing a pair twice changes nothing (idempotent per pair).
 *
 * <p>The group starts at the stream's end when first created: listings from before the feature
 * are matched when they next change.
 */
@Component
@ConditionalOnProperty(name = "techmarket.match-queue.enabled", havingValue = "true", matchIfMissing = true)
class MatchQueueWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MatchQueueWorker.class);

  private final ReactiveStreamOperations<String, Object, Object> streams;
  private final ListingMatcher matcher;
  private final MatchQueueStore store;
  private final MatchNotifications notifications;
  private final MatchQueueProperties properties;
  private final JsonMapper json;
  private final Consumer consumer;
  private Disposable loop;

  MatchQueueWorker(ReactiveStringRedisTemplate redis, ListingMatcher matcher, MatchQueueStore store,
      MatchNotifications notifications, MatchQueueProperties properties, JsonMapper json) {
    this.streams = redis.opsForStream();
    this.matcher = matcher;
    this.store = store;
    this.notifications = notifications;
    this.properties = properties;
    this.json = json;
    this.consumer = Consumer.from(properties.consumerGroup(), consumerName(properties));
  }

  @Override
  public synchronized void start() {
    if (loop != null) {
      return;
    }
    loop = createGroupIfMissing()
        .thenMany(Flux.defer(this::readPending).concatWith(Flux.defer(this::readNew)).concatMap(this::handle).repeat())
        .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
            .doBeforeRetry(signal -> log.warn("match queue paused, retrying: {}", signal.failure().toString())))
        .subscribe();
  }

  @Override
  public synchronized void stop() {
    if (loop != null) {
      loop.dispose();
      loop = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return loop != null;
  }

  private Mono<Void> createGroupIfMissing() {
    return streams.createGroup(EventStreams.LISTINGS, ReadOffset.latest(), properties.consumerGroup()).then()
        .onErrorResume(MatchQueueWorker::isBusyGroup, error -> Mono.empty());
  }

  private Flux<MapRecord<String, Object, Object>> readPending() {
    return streams.read(consumer, StreamReadOptions.empty().count(properties.batchSize()),
        StreamOffset.create(EventStreams.LISTINGS, ReadOffset.from("0")));
  }

  private Flux<MapRecord<String, Object, Object>> readNew() {
    return streams.read(consumer,
        StreamReadOptions.empty().count(properties.batchSize()).block(properties.blockTimeout()),
        StreamOffset.create(EventStreams.LISTINGS, ReadOffset.lastConsumed()));
  }

  /** Stores the entry's strong matches, then acknowledges it; a failure leaves it pending for the retry. */
  Mono<Void> handle(MapRecord<String, Object, Object> record) {
    var fields = new HashMap<String, String>();
    record.getValue().forEach((name, value) -> fields.put(String.valueOf(name), String.valueOf(value)));
    return Mono.defer(() -> matchesOf(fields))
        .onErrorResume(MatchQueueWorker::isUnprocessable, error -> {
          log.warn("listing event {} skipped by the match queue: {}", record.getId(), error.toString());
          return Mono.empty();
        })
        .then(streams.acknowledge(EventStreams.LISTINGS, properties.consumerGroup(), record.getId()))
        .then();
  }

  private Mono<Void> matchesOf(Map<String, String> fields) {
    var event = EventEnvelope.fromStreamFields(fields);
    var payload = parse(event.payload());
    var status = payload.path("status").asString("");
    var mode = mode();
    return switch (event.aggregateType()) {
      case "Achievement" -> !"PUBLISHED".equals(status) ? Mono.empty()
          : matcher.matchDemandsForAchievement(new ListingMatcher.AchievementQuery(event.aggregateId().toString(),
                  text(payload, "title"), text(payload, "summary"), text(payload, "description"),
                  texts(payload.path("industryTags")), text(payload, "technologyField"), text(payload, "regionCode")),
                  mode, properties.candidates())
              .flatMapMany(Flux::fromIterable)
              .filter(this::isStrong)
              .concatMap(demand -> record(UUID.fromString(demand.id()), demand.title(), event.aggregateId(),
                  text(payload, "title"), demand))
              .then();
      case "Demand" -> !"OPEN".equals(status) ? Mono.empty()
          : matcher.matchAchievementsForDemand(new ListingMatcher.DemandQuery(event.aggregateId().toString(),
                  text(payload, "title"), text(payload, "problem"), text(payload, "expectedOutcome"),
                  texts(payload.path("industryTags")), text(payload, "technologyField"), text(payload, "regionCode")),
                  mode, properties.candidates())
              .flatMapMany(Flux::fromIterable)
              .filter(this::isStrong)
              .concatMap(achievement -> record(event.aggregateId(), text(payload, "title"),
                  UUID.fromString(achievement.id()), achievement.title(), achievement))
              .then();
      default -> Mono.empty();
    };
  }

  private Mono<Void> record(UUID demandId, String demandTitle, UUID achievementId, String achievementTitle,
      ListingHit match) {
    return store.upsert(demandId, demandTitle, achievementId, achievementTitle, match.score(),
            match.reasons().semanticSimilarity(), match.reasons(), match.breakdown())
        .flatMap(upserted -> upserted.created() ? notifications.announce(upserted.entry()) : Mono.<Void>empty());
  }

  /**
   * Strong: shares at least {@code minMatchedTerms} words with the listing and, with vectors, is
   * semantically close ({@code minSimilarity}); without vectors it must also share the technology field.
   */
  boolean isStrong(ListingHit match) {
    var reasons = match.reasons();
    if (reasons.matchedTerms().size() < properties.minMatchedTerms()) {
      return false;
    }
    var similarity = reasons.semanticSimilarity();
    return similarity == null ? reasons.filtersMatched().contains("technologyField")
        : similarity >= properties.minSimilarity();
  }

  private RankingMode mode() {
    if (properties.mode() == null || properties.mode().isBlank()) {
      return matcher.defaultMode();
    }
    return RankingMode.valueOf(properties.mode().strip().toUpperCase(java.util.Locale.ROOT));
  }

  private JsonNode parse(String payload) {
    try {
      return json.readTree(payload);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("listing payload is not JSON", e);
    }
  }

  private static String text(JsonNode node, String field) {
    var value = node.path(field);
    return value.isNull() || value.isMissingNode() ? null : value.asString();
  }

  private static List<String> texts(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }

  /** A malformed entry or one the matcher refuses: retrying cannot help, so skip it. */
  private static boolean isUnprocessable(Throwable error) {
    return error instanceof IllegalArgumentException || error instanceof InvalidSearchException
        || error instanceof SearchRejectedException;
  }

  private static boolean isBusyGroup(Throwable error) {
    for (var cause = error; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains("BUSYGROUP")) {
        return true;
      }
    }
    return false;
  }

  private static String consumerName(MatchQueueProperties properties) {
    if (properties.consumerName() != null && !properties.consumerName().isBlank()) {
      return properties.consumerName();
    }
    try {
      return "marketplace-" + InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "marketplace-" + ProcessHandle.current().pid();
    }
  }
}
