package org.pingliang.techmarket.marketplace.organisation;

/** What an organisation is in the market; decides which realm roles may register it. */
public enum OrganisationKind {
  UNIVERSITY("高等院校"),
  RESEARCH_INSTITUTE("科研院所"),
  ENTERPRISE("企业"),
  BROKER_AGENCY("技术转移/经纪机构"),
  SERVICE_PROVIDER("科技服务机构");

  private final String chineseName;

  OrganisationKind(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
