package org.pingliang.techmarket.searchindexer.listing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How listing events are consumed ({@code techmarket.indexer.*}).
 *
 * @param enabled whether this instance consumes the stream at all
 * @param consumerGroup the group all instances share, so each event is indexed by one of them
 * @param consumerName this instance's name in the group; keep it stable across restarts so the
 *     instance finds and repairs its own pending entries (empty: {@code indexer-<hostname>})
 * @param batchSize entries read per XREADGROUP
 * @param blockTimeout how long one XREADGROUP waits for new entries
 * @param maxAttempts attempts to index one entry before it is parked
 * @param firstBackoff wait before the first retry; doubles up to {@code maxBackoff}
 * @param maxBackoff longest wait between retries, also when Redis or the cluster is down
 * @param claimIdleAfter how long an entry may sit unacknowledged with another consumer before this
 *     one takes it over (that consumer probably died and may never come back under its name)
 */
@ConfigurationProperties("techmarket.indexer")
public record IndexerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("search-indexer") String consumerGroup,
    @DefaultValue("") String consumerName,
    @DefaultValue("100") int batchSize,
    @DefaultValue("2s") Duration blockTimeout,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("200ms") Duration firstBackoff,
    @DefaultValue("10s") Duration maxBackoff,
    @DefaultValue("5m") Duration claimIdleAfter) {

  public IndexerProperties {
    if (batchSize < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("batch-size and max-attempts must be at least 1");
    }
  }
}
