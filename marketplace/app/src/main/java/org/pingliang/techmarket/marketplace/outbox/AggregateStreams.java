package org.pingliang.techmarket.marketplace.outbox;

import java.util.List;
import java.util.Map;
import org.pingliang.techmarket.events.EventStreams;

/**
 * Which stream carries the events of which aggregate type: one stream per aggregate family
 * (../shared/CONVENTIONS.md). Spelled out type by type, so a typo in an aggregate type fails the
 * writer's transaction instead of sending events where no consumer listens.
 */
final class AggregateStreams {

  private static final Map<String, String> STREAMS = Map.of(
      "Achievement", EventStreams.LISTINGS,
      "AchievementPackage", EventStreams.LISTINGS,
      "Demand", EventStreams.LISTINGS,
      "Negotiation", EventStreams.DEALS,
      "Contract", EventStreams.DEALS,
      "Payment", EventStreams.DEALS,
      "ServiceOffer", EventStreams.SERVICES,
      "ServiceRequest", EventStreams.SERVICES);

  private AggregateStreams() {}

  /** Every stream the relay writes to, sorted. */
  static List<String> all() {
    return STREAMS.values().stream().distinct().sorted().toList();
  }

  static String streamFor(String aggregateType) {
    var stream = STREAMS.get(aggregateType);
    if (stream == null) {
      throw new IllegalArgumentException("no event stream for aggregate type '" + aggregateType
          + "'; known types: " + STREAMS.keySet().stream().sorted().toList());
    }
    return stream;
  }
}
