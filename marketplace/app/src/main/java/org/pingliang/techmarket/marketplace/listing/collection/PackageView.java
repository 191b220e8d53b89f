package org.pingliang.techmarket.marketplace.listing.collection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A package as the API returns it and its events carry it. */
public record PackageView(
    UUID id,
    String title,
    String theme,
    List<String> industryTags,
    String regionCode,
    String description,
    List<AchievementPackage.Item> achievements,
    PackageStatus status,
    String statusReason,
    Instant publishedAt,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static PackageView of(AchievementPackage pkg) {
    var content = pkg.content();
    return new PackageView(pkg.id(), content.title(), content.theme(), content.industryTags(), content.regionCode(),
        content.description(), pkg.items(), pkg.status(), pkg.statusReason(), pkg.publishedAt(), pkg.createdAt(),
        pkg.updatedAt(), pkg.version());
  }
}
