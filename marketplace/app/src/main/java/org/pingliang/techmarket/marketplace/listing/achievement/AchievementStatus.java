package org.pingliang.techmarket.marketplace.listing.achievement;

/** Where an achievement (科技成果) is in its life: only PUBLISHED ones are public. */
public enum AchievementStatus {
  /** 草稿: being written by its holder. */
  DRAFT,
  /** 待审核: waiting for an administrator's review. */
  SUBMITTED,
  /** 已发布: public, searchable, open for inquiries. */
  PUBLISHED,
  /** 已驳回: refused by review, with a reason; can be edited and submitted again. */
  REJECTED,
  /** 已撤回: taken off the market by its holder or an administrator. */
  WITHDRAWN,
  /** 已归档: closed for good. */
  ARCHIVED
}
