package org.pingliang.techmarket.marketplace.search;

import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.search.query.MatchReasons;
import org.pingliang.techmarket.search.query.ScoreBreakdown;

/**
 * A strong match waiting for a broker: which demand, which achievement, how strong and why.
 *
 * @param status NEW until a broker claims (to follow it up) or dismisses it
 */
public record MatchQueueEntry(
    UUID id,
    UUID demandId,
    String demandTitle,
    UUID achievementId,
    String achievementTitle,
    double score,
    Double similarity,
    MatchReasons reasons,
    ScoreBreakdown breakdown,
    String status,
    String decidedBy,
    Instant decidedAt,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final String NEW = "NEW";
  public static final String CLAIMED = "CLAIMED";
  public static final String DISMISSED = "DISMISSED";
}
