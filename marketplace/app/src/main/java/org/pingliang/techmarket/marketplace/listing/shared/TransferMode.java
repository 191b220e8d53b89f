package org.pingliang.techmarket.marketplace.listing.shared;

/** How a technology changes hands (转化方式); also the cooperation modes a demand accepts. */
public enum TransferMode {
  /** 转让. */
  ASSIGNMENT,
  /** 许可. */
  LICENCE,
  /** 作价入股. */
  EQUITY_INVESTMENT,
  /** 合作开发. */
  JOINT_DEVELOPMENT,
  /** 技术服务. */
  TECHNICAL_SERVICE
}
