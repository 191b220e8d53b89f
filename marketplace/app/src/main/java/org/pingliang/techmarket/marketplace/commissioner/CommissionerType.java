package org.pingliang.techmarket.marketplace.commissioner;

/** 农村科技特派员, 企业科技特派员, 社区科技特派员. */
enum CommissionerType {
  RURAL("农村科技特派员"), ENTERPRISE("企业科技特派员"), COMMUNITY("社区科技特派员");

  private final String chineseName;

  CommissionerType(String chineseName) {
    this.chineseName = chineseName;
  }

  String chineseName() {
    return chineseName;
  }
}
