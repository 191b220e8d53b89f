package org.pingliang.techmarket.marketplace.instrument;

/** Where a booking stands. Every status but CANCELLED holds its slot. */
enum BookingStatus {
  /** 待支付: the slot is held while the order is open. */
  PENDING_PAYMENT,
  /** 已确认: paid. */
  CONFIRMED,
  /** 已完成: the institution marked the time used. */
  COMPLETED,
  /** 已取消: the slot is free again. */
  CANCELLED
}
