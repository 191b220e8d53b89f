package org.pingliang.techmarket.marketplace.listing.achievement;

import org.pingliang.techmarket.marketplace.listing.shared.Lifecycle;

/** What can happen to an achievement, with the event each action records. */
public enum AchievementAction {
  CREATE("AchievementCreated"),
  EDIT("AchievementUpdated"),
  SUBMIT("AchievementSubmitted"),
  PUBLISH("AchievementPublished"),
  REJECT("AchievementRejected"),
  WITHDRAW("AchievementWithdrawn"),
  ARCHIVE("AchievementArchived");

  static final Lifecycle<AchievementStatus, AchievementAction> LIFECYCLE =
      Lifecycle.of(AchievementStatus.class, AchievementAction.class)
          .move(EDIT, AchievementStatus.DRAFT, AchievementStatus.DRAFT, AchievementStatus.REJECTED, AchievementStatus.WITHDRAWN)
          .move(SUBMIT, AchievementStatus.SUBMITTED, AchievementStatus.DRAFT, AchievementStatus.REJECTED, AchievementStatus.WITHDRAWN)
          .move(PUBLISH, AchievementStatus.PUBLISHED, AchievementStatus.SUBMITTED)
          .move(REJECT, AchievementStatus.REJECTED, AchievementStatus.SUBMITTED)
          // Withdrawing a submission takes it back to the drafts; withdrawing a published one takes it off the market.
          .move(WITHDRAW, AchievementStatus.DRAFT, AchievementStatus.SUBMITTED)
          .move(WITHDRAW, AchievementStatus.WITHDRAWN, AchievementStatus.PUBLISHED)
          .move(ARCHIVE, AchievementStatus.ARCHIVED, AchievementStatus.DRAFT, AchievementStatus.REJECTED, AchievementStatus.WITHDRAWN)
          .build();

  private final String eventType;

  AchievementAction(String eventType) {
    this.eventType = eventType;
  }

  public String eventType() {
    return eventType;
  }

  /** Whether only an administrator (the reviewer) may take this action. */
  boolean isReview() {
    return this == PUBLISH || this == REJECT;
  }
}
