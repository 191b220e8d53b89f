package org.pingliang.techmarket.search.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One listing in a search or match answer. Highlights are HTML-escaped text in which only
 * {@code <em>} tags were added, safe to render as HTML.
 *
 * @param summary achievements' summary, demands' problem, packages' theme
 * @param price achievements' asking price (null for others)
 * @param budget demands' budget (null for others)
 * @param transferModes achievements' transfer modes or demands' cooperation modes
 * @param score the final relevance score (null when sorted by a field)
 * @param breakdown the parts of the score (null when sorted by a field)
 * @param reasons why it matched (matching only)
 */
public record ListingHit(
    ListingKind type,
    String id,
    long version,
    String title,
    String summary,
    Map<String, List<String>> highlights,
    Holder holder,
    String region,
    String technologyField,
    String maturity,
    List<String> industryTags,
    Price price,
    Budget budget,
    List<String> transferModes,
    String status,
    Instant publishedAt,
    Double score,
    ScoreBreakdown breakdown,
    MatchReasons reasons) {

  /** The organisation behind the listing. */
  public record Holder(String id, String name, boolean verified) {}

  /** An asking price in fen, or 面议 (negotiable, amount null). */
  public record Price(Long amountFen, boolean negotiable) {}

  /** A demand's budget range in fen, or 面议. */
  public record Budget(Long minFen, Long maxFen, boolean negotiable) {}

  ListingHit withReasons(MatchReasons why) {
    return new ListingHit(type, id, version, title, summary, highlights, holder, region, technologyField, maturity,
        industryTags, price, budget, transferModes, status, publishedAt, score, breakdown, why);
  }
}
