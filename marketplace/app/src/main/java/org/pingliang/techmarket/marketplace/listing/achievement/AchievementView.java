package org.pingliang.techmarket.marketplace.listing.achievement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Maturity;
import org.pingliang.techmarket.marketplace.listing.shared.Money;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.pingliang.techmarket.marketplace.listing.shared.TransferMode;

/** An achievement as the API returns it and as its events carry it (the full state after a change). */
public record AchievementView(
    UUID id,
    Holder organisation,
    String title,
    String summary,
    String description,
    TechnologyField technologyField,
    List<String> industryTags,
    Maturity maturity,
    Integer trl,
    Achievement.IpRights ip,
    List<TransferMode> transferModes,
    Money askingPrice,
    boolean priceNegotiable,
    String regionCode,
    AchievementStatus status,
    String statusReason,
    String externalId,
    Instant publishedAt,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** The organisation that holds the achievement. */
  public record Holder(UUID id, String name) {}

  public static AchievementView of(Achievement achievement) {
    var content = achievement.content();
    return new AchievementView(
        achievement.id(),
        new Holder(achievement.organisationId(), achievement.organisationName()),
        content.title(),
        content.summary(),
        content.description(),
        content.technologyField(),
        content.industryTags(),
        content.maturity(),
        content.trl(),
        content.ip(),
        content.transferModes().stream().sorted().toList(),
        content.askingPrice(),
        content.priceNegotiable(),
        content.regionCode(),
        achievement.status(),
        achievement.statusReason(),
        achievement.externalId(),
        achievement.publishedAt(),
        achievement.createdAt(),
        achievement.updatedAt(),
        achievement.version());
  }
}
