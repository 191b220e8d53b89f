package org.pingliang.techmarket.searchindexer.listing;

import java.net.URI;
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
 * @param batchSize entries read per XREADGROUP and written in one bulk request when embeddings are off
 *     (with embeddings, {@code embedding.batch-size} caps it: the model, not the request, is the cost)
 * @param blockTimeout how long one XREADGROUP waits for new entries (only when caught up: while there
 *     is a backlog the consumer reads without blocking)
 * @param maxAttempts attempts to index one entry before it is parked
 * @param firstBackoff wait before the first retry; doubles up to {@code maxBackoff}
 * @param maxBackoff longest wait between retries, also when Redis or the cluster is down
 * @param claimIdleAfter how long an entry may sit unacknowledged with another consumer before this
 *     one takes it over (that consumer probably died and may never come back under its name); looked
 *     for at start-up, after every failure and then every {@code min(claimIdleAfter, 30s)}
 * @param refreshWhenCaughtUp after writing a batch that emptied the backlog, make it searchable at once
 *     (the bulk request refreshes the index) instead of at the index's next periodic refresh (up to
 *     1 s later), at most once per this interval; zero or negative: never (a backlog never refreshes)
 * @param embedding the semantic vectors
 * @param reindex full rebuilds into a new index
 * @param reconciliation the periodic comparison of the database with the index
 * @param marketplace where the database's listing snapshots are read (the source of truth)
 */
@ConfigurationProperties("techmarket.indexer")
public record IndexerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("search-indexer") String consumerGroup,
    @DefaultValue("") String consumerName,
    @DefaultValue("500") int batchSize,
    @DefaultValue("2s") Duration blockTimeout,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("200ms") Duration firstBackoff,
    @DefaultValue("10s") Duration maxBackoff,
    @DefaultValue("5m") Duration claimIdleAfter,
    @DefaultValue("100ms") Duration refreshWhenCaughtUp,
    @DefaultValue Embedding embedding,
    @DefaultValue Reindex reindex,
    @DefaultValue Reconciliation reconciliation,
    @DefaultValue Marketplace marketplace) {

  public IndexerProperties {
    if (batchSize < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("batch-size and max-attempts must be at least 1");
    }
  }

  /** Entries read per XREADGROUP: with embeddings, at most {@code embedding.batch-size}. */
  public int readCount() {
    return embedding.enabled() ? Math.min(batchSize, embedding.batchSize()) : batchSize;
  }

  /** How often to look for entries that dead consumers left unacknowledged. */
  public Duration claimInterval() {
    var most = Duration.ofSeconds(30);
    return claimIdleAfter.compareTo(most) < 0 ? claimIdleAfter : most;
  }

  /**
   * @param enabled compute vectors at all (off: documents carry no {@code embedding}; for benchmarks)
   * @param threads threads that run the model (ONNX Runtime already uses every core for one text)
   * @param queuedTasks batches that may wait for those threads before callers are refused
   * @param cacheSize vectors of recent texts kept (a status change does not recompute the vector)
   * @param batchSize entries read (and embedded, written, acknowledged) together with embeddings on:
   *     a few texts a second on a small host, so a batch stays well below {@code claim-idle-after}
   */
  public record Embedding(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("1") int threads,
      @DefaultValue("64") int queuedTasks,
      @DefaultValue("4096") int cacheSize,
      @DefaultValue("100") int batchSize) {

    public Embedding {
      if (batchSize < 1) {
        throw new IllegalArgumentException("embedding.batch-size must be at least 1");
      }
    }
  }

  /**
   * @param pageSize listings read and written per step of a rebuild
   * @param autoMigrate when the alias points at an index of an older mapping, rebuild it (from that
   *     index's documents, embedding them anew) in the background at start-up
   * @param lockTtl how long the rebuild lock lives without being renewed (a dead rebuilder frees it)
   */
  public record Reindex(
      @DefaultValue("500") int pageSize,
      @DefaultValue("true") boolean autoMigrate,
      @DefaultValue("60s") Duration lockTtl) {}

  /**
   * @param enabled run the periodic reconciliation
   * @param interval time between two runs
   * @param initialDelay time from start-up to the first run
   * @param pageSize listings compared per snapshot page
   */
  public record Reconciliation(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("15m") Duration interval,
      @DefaultValue("2m") Duration initialDelay,
      @DefaultValue("500") int pageSize) {}

  /**
   * @param url base URL of marketplace, which serves {@code /api/listing-snapshots}
   * @param tokenUrl Keycloak's token endpoint of the realm
   * @param clientId the confidential machine client (its service account has the SERVICE role)
   * @param clientSecret its secret
   * @param timeout deadline of one snapshot page or token request
   */
  public record Marketplace(
      @DefaultValue("http://127.0.0.1:8080") URI url,
      @DefaultValue("http://localhost:8180/realms/techmarket/protocol/openid-connect/token") URI tokenUrl,
      @DefaultValue("techmarket-service") String clientId,
      @DefaultValue("") String clientSecret,
      @DefaultValue("30s") Duration timeout) {}
}
