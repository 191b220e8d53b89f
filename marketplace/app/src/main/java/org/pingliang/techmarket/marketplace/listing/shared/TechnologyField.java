package org.pingliang.techmarket.marketplace.listing.shared;

/** The technology fields of the national technology-contract statistics (技术领域). */
public enum TechnologyField {
  ELECTRONIC_INFORMATION("电子信息"),
  AEROSPACE("航空航天"),
  ADVANCED_MANUFACTURING("先进制造"),
  BIOMEDICINE("生物、医药和医疗器械"),
  NEW_MATERIALS("新材料及其应用"),
  NEW_ENERGY("新能源与高效节能"),
  ENVIRONMENT("环境保护与资源综合利用"),
  NUCLEAR("核应用"),
  AGRICULTURE("农业"),
  MODERN_TRANSPORT("现代交通"),
  URBAN_AND_SOCIAL("城市建设与社会发展");

  private final String chineseName;

  TechnologyField(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
