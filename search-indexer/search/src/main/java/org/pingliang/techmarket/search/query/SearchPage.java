package org.pingliang.techmarket.search.query;

import java.util.List;
import java.util.Map;

/**
 * One page of a search.
 *
 * @param facets per facet (type, technologyField, industry, maturity, region, transferMode) the
 *     counts of the listings matching the query and every filter except that facet's own
 * @param total listings matching the query text and filters (in VECTOR/HYBRID mode the
 *     semantic-only candidates are added)
 * @param nextCursor opaque; null on the last page
 */
public record SearchPage(List<ListingHit> items, Map<String, List<FacetCount>> facets, long total,
    String nextCursor) {}
