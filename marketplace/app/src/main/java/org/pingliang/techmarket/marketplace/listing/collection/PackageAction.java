package org.pingliang.techmarket.marketplace.listing.collection;

import org.pingliang.techmarket.marketplace.listing.shared.Lifecycle;

/** What can happen to a package, with the event each action records. */
public enum PackageAction {
  CREATE("AchievementPackageCreated"),
  EDIT("AchievementPackageUpdated"),
  PUBLISH("AchievementPackagePublished"),
  WITHDRAW("AchievementPackageWithdrawn");

  // A published package may be curated further while it stays public; a withdrawn one is edited as a draft.
  static final Lifecycle<PackageStatus, PackageAction> LIFECYCLE = Lifecycle.of(PackageStatus.class, PackageAction.class)
      .move(EDIT, PackageStatus.DRAFT, PackageStatus.DRAFT, PackageStatus.WITHDRAWN)
      .move(EDIT, PackageStatus.PUBLISHED, PackageStatus.PUBLISHED)
      .move(PUBLISH, PackageStatus.PUBLISHED, PackageStatus.DRAFT, PackageStatus.WITHDRAWN)
      .move(WITHDRAW, PackageStatus.WITHDRAWN, PackageStatus.PUBLISHED)
      .build();

  private final String eventType;

  PackageAction(String eventType) {
    this.eventType = eventType;
  }

  public String eventType() {
    return eventType;
  }
}
