package org.pingliang.techmarket.marketplace.contract;

/** Which science and technology plan the contract comes from (计划来源), as registration asks. */
public enum PlanSource {
  NATIONAL("国家计划"),
  PROVINCIAL("省级计划"),
  CITY_COUNTY("市、县级计划"),
  NONE("计划外");

  private final String chineseName;

  PlanSource(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
