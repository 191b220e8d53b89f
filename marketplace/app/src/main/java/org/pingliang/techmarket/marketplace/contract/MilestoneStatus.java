package org.pingliang.techmarket.marketplace.contract;

/** Where one payment milestone stands (see {@code ContractLedger.PayableMilestone}). */
public enum MilestoneStatus {
  PENDING,
  DELIVERED,
  ACCEPTED,
  CANCELLED
}
