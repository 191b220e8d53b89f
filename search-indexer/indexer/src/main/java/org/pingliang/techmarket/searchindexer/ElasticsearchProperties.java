package org.pingliang.techmarket.searchindexer;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The search cluster ({@code techmarket.elasticsearch.*}).
 *
 * @param url one node or a load balancer in front of the cluster
 * @param indexPrefix prefix of every index and alias this service owns (tests use {@code test-})
 * @param requestTimeout deadline of a single request to the cluster
 */
@ConfigurationProperties("techmarket.elasticsearch")
public record ElasticsearchProperties(
    @DefaultValue("http://127.0.0.1:9200") URI url,
    @DefaultValue("") String indexPrefix,
    @DefaultValue("10s") Duration requestTimeout) {}
