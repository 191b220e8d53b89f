package org.pingliang.techmarket.marketplace.listing.collection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Maturity;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;

/**
 * An achievement package (科技成果包): a curated set of published achievements for one industry or
 * theme (e.g. 静宁苹果, 庄浪马铃薯), made by an administrator or a broker to push transfer.
 */
public record AchievementPackage(
    UUID id,
    Content content,
    List<Item> items,
    PackageStatus status,
    String statusReason,
    String curator,
    Instant createdAt,
    Instant updatedAt,
    Instant publishedAt,
    long version) {

  /** What the curator writes; {@code achievementIds} in the order to show them. */
  public record Content(String title, String theme, List<String> industryTags, String regionCode, String description,
      List<UUID> achievementIds) {}

  /** A member achievement as the package shows it; only achievements still published are shown. */
  public record Item(UUID id, String title, UUID organisationId, String organisationName,
      TechnologyField technologyField, Maturity maturity) {}

  public boolean isPublic() {
    return status == PackageStatus.PUBLISHED;
  }
}
