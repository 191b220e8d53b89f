package org.pingliang.techmarket.marketplace.listing.demand;

/** Where a technology demand (技术需求) is: open and in negotiation ones are public. */
public enum DemandStatus {
  /** 征集中: open for answers. */
  OPEN,
  /** 洽谈中: the enterprise is negotiating with a provider. */
  IN_NEGOTIATION,
  /** 已解决. */
  SOLVED,
  /** 已关闭: closed by the enterprise or taken down by an administrator. */
  CLOSED
}
