package org.pingliang.techmarket.search.query;

import java.util.List;

/**
 * Why a listing matched, in terms a person can verify.
 *
 * @param matchedTerms words of the query found in the listing (from the highlighter)
 * @param matchedFields fields they were found in (title, summary, description, problem, expectedOutcome)
 * @param semanticSimilarity cosine similarity of the two texts' embeddings; null when not computed
 * @param filtersMatched attributes both listings share: technologyField, region, industry
 */
public record MatchReasons(List<String> matchedTerms, List<String> matchedFields, Double semanticSimilarity,
    List<String> filtersMatched) {}
