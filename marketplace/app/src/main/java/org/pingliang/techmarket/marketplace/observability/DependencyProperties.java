package org.pingliang.techmarket.marketplace.observability;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services outside the database live, for health reporting ({@code techmarket.dependencies.*}).
 *
 * @param elasticsearchUrl the search cluster (served through search-indexer's index)
 * @param healthTimeout how long a health probe may wait before calling the dependency down
 */
@ConfigurationProperties("techmarket.dependencies")
public record DependencyProperties(
    @DefaultValue("http://127.0.0.1:9200") URI elasticsearchUrl,
    @DefaultValue("2s") Duration healthTimeout) {}
