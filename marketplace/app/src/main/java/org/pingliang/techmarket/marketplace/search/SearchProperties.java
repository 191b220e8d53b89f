package org.pingliang.techmarket.marketplace.search;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search and matching ({@code techmarket.search.*}).
 *
 * @param elasticsearchUrl the search cluster
 * @param indexPrefix prefix of the listings alias, the same as search-indexer's ({@code test-} in tests)
 * @param requestTimeout one search request; slower counts as unavailable (503)
 * @param connectTimeout opening a connection to the cluster
 * @param maxConnections connections to the cluster kept at most: at least the concurrent searches expected
 *     (fewer made searches wait in the app for a connection; the cluster queues surplus searches itself)
 * @param rankWindow candidates per ranking before reciprocal rank fusion; relevance paging ends there
 * @param maxPageSize largest {@code size} accepted
 * @param verifiedBoost fraction added to 1 for a verified holder
 * @param freshnessBoost fraction added to 1 for a listing published now, halving every {@code freshnessHalfLife}
 * @param searchMinSimilarity kNN hits of a search below this cosine similarity are dropped
 * @param matchMinSimilarity the same for matching
 * @param embeddingsEnabled whether the embedding model is loaded (VECTOR/HYBRID); otherwise BM25 only
 * @param embeddingThreads threads of the bounded scheduler that runs the (blocking) embedding model
 * @param embeddingQueue tasks that may wait for it; more are refused (503) rather than queued without bound
 */
@ConfigurationProperties("techmarket.search")
public record SearchProperties(
    @DefaultValue("http://127.0.0.1:9200") URI elasticsearchUrl,
    @DefaultValue("") String indexPrefix,
    @DefaultValue("5s") Duration requestTimeout,
    @DefaultValue("1s") Duration connectTimeout,
    @DefaultValue("64") int maxConnections,
    @DefaultValue("100") int rankWindow,
    @DefaultValue("100") int maxPageSize,
    @DefaultValue("0.1") double verifiedBoost,
    @DefaultValue("0.1") double freshnessBoost,
    @DefaultValue("90d") Duration freshnessHalfLife,
    @DefaultValue("0.5") double searchMinSimilarity,
    @DefaultValue("0.0") double matchMinSimilarity,
    @DefaultValue("true") boolean embeddingsEnabled,
    @DefaultValue("2") int embeddingThreads,
    @DefaultValue("256") int embeddingQueue) {}
