package org.pingliang.techmarket.marketplace.listing.collection;

/** Where an achievement package (科技成果包) is; only PUBLISHED ones are public. */
public enum PackageStatus {
  DRAFT,
  PUBLISHED,
  WITHDRAWN
}
