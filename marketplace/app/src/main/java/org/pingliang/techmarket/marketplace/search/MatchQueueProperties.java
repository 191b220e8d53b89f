package org.pingliang.techmarket.marketplace.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The broker match queue ({@code techmarket.match-queue.*}).
 *
 * @param enabled whether this instance consumes listing events to find strong matches
 * @param consumerGroup its own consumer group on the listings stream (independent of search-indexer)
 * @param consumerName stable name of this instance in the group (default {@code marketplace-<hostname>})
 * @param mode ranking used to find matches: hybrid, bm25 or vector (default: hybrid when the model is on)
 * @param candidates how many best matches of a listing are considered
 * @param minSimilarity with vectors: a match is strong from this cosine similarity on
 * @param minMatchedTerms and it shares at least this many words (BM25 highlights) with the listing
 * @param batchSize entries read at once
 * @param blockTimeout how long one read waits for new entries
 */
@ConfigurationProperties("techmarket.match-queue")
public record MatchQueueProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("marketplace-match-queue") String consumerGroup,
    @DefaultValue("") String consumerName,
    @DefaultValue("") String mode,
    @DefaultValue("5") int candidates,
    @DefaultValue("0.7") double minSimilarity,
    @DefaultValue("3") int minMatchedTerms,
    @DefaultValue("20") int batchSize,
    @DefaultValue("2s") Duration blockTimeout) {}
