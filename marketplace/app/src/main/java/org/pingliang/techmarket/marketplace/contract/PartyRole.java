package org.pingliang.techmarket.marketplace.contract;

/** The two sides of a technology contract. */
public enum PartyRole {
  /** 卖方 / 技术输出方: supplies the technology. */
  SELLER,
  /** 买方 / 技术吸纳方: pays. */
  BUYER
}
