package org.pingliang.techmarket.marketplace.listing.demand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.pingliang.techmarket.marketplace.listing.shared.TransferMode;

/** A technology demand (技术需求 / 企业难题) posted by an enterprise, possibly a public challenge (揭榜挂帅). */
public record Demand(
    UUID id,
    UUID organisationId,
    String organisationName,
    Content content,
    DemandStatus status,
    String statusReason,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant publishedAt,
    long version) {

  /** What the enterprise writes. */
  public record Content(
      String title,
      String problem,
      String expectedOutcome,
      Budget budget,
      LocalDate deadline,
      Set<TransferMode> cooperationModes,
      List<String> industryTags,
      TechnologyField technologyField,
      String regionCode,
      Money bounty) {

    public boolean isChallenge() {
      return bounty != null;
    }
  }

  /** What the enterprise is ready to pay: a range, or 面议 (negotiable). */
  public record Budget(Money min, Money max, boolean negotiable) {}

  public boolean isPublic() {
    return status != DemandStatus.CLOSED;
  }
}
