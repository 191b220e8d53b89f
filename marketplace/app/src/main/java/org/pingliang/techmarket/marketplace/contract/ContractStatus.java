package org.pingliang.techmarket.marketplace.contract;

/** Where a technology contract stands. */
public enum ContractStatus {
  /** 草稿: the parties complete the registration fields. */
  DRAFT("草稿"),
  /** 待签署: fields frozen, waiting for an authorised signatory of each party. */
  AWAITING_SIGNATURES("待签署"),
  /** 已签署. */
  SIGNED("已签署"),
  /** 已提交登记: waiting at the registration desk (30 days). */
  SUBMITTED("待登记"),
  /** 已登记: has a registration number. */
  REGISTERED("已登记"),
  /** 未予登记, with a reason. */
  REJECTED("未予登记"),
  /** 履行中: a milestone was delivered or accepted. */
  IN_PERFORMANCE("履行中"),
  /** 已履行完毕: every milestone accepted. */
  COMPLETED("履行完毕"),
  /** 已终止. */
  TERMINATED("已终止");

  private final String chineseName;

  ContractStatus(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  /** Whether the registration desk (ADMIN) may see the contract: it was submitted at some point. */
  public boolean reachedRegistry() {
    return this == SUBMITTED || this == REGISTERED || this == REJECTED || this == IN_PERFORMANCE || this == COMPLETED;
  }
}
