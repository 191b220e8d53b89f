package org.pingliang.techmarket.marketplace.contract;

/** The intellectual property a contract involves (涉及知识产权类型); NONE stands alone. */
public enum IpInvolvement {
  NONE("未涉及知识产权"),
  PATENT("专利"),
  TECHNICAL_SECRET("技术秘密"),
  SOFTWARE_COPYRIGHT("计算机软件著作权"),
  IC_LAYOUT_DESIGN("集成电路布图设计"),
  PLANT_VARIETY("植物新品种"),
  BIOMEDICINE_VARIETY("生物医药新品种"),
  OTHER("其他知识产权");

  private final String chineseName;

  IpInvolvement(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
