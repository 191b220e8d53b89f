package org.pingliang.techmarket.marketplace.listing.achievement;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Maturity;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.pingliang.techmarket.marketplace.listing.shared.TransferMode;

/**
 * A technology achievement (科技成果) as stored: what it is, who holds it, where it is in its
 * lifecycle. {@code version} grows by one with every change and is the version of its events.
 */
public record Achievement(
    UUID id,
    UUID organisationId,
    String organisationName,
    Content content,
    AchievementStatus status,
    String statusReason,
    String externalId,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant publishedAt,
    long version) {

  /** What the holder writes about the achievement. */
  public record Content(
      String title,
      String summary,
      String description,
      TechnologyField technologyField,
      List<String> industryTags,
      Maturity maturity,
      Integer trl,
      IpRights ip,
      Set<TransferMode> transferModes,
      Money askingPrice,
      boolean priceNegotiable,
      String regionCode) {}

  /** Intellectual property behind the achievement. */
  public record IpRights(List<Patent> patents, List<String> softwareCopyrights, List<String> plantVarieties) {

    public static final IpRights NONE = new IpRights(List.of(), List.of(), List.of());
  }

  /** A patent or patent application (专利), by its validated application number. */
  public record Patent(String applicationNumber, String title) {}

  public boolean isPublic() {
    return status == AchievementStatus.PUBLISHED;
  }
}
