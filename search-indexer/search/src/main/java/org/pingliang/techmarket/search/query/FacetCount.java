package org.pingliang.techmarket.search.query;

/** How many listings of the answer carry one value of a facet. */
public record FacetCount(String value, long count) {}
