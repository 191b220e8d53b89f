package org.pingliang.techmarket.marketplace.negotiation.internal;

import java.util.List;

/**
 * Technology contract types of the Civil Code, ch. 20 (技术合同), with their subtypes. The names are
 * the ones {@link org.pingliang.techmarket.marketplace.deal.AcceptedOffer} carries to the contract
 * feature (listed in the deal package's javadoc).
 */
public enum ContractType {
  /** 技术开发: 委托开发 / 合作开发. */
  TECHNOLOGY_DEVELOPMENT(List.of("COMMISSIONED", "COOPERATIVE")),
  /** 技术转让: 专利权 / 专利申请权 / 技术秘密 / 其他. */
  TECHNOLOGY_TRANSFER(List.of("PATENT_RIGHT", "PATENT_APPLICATION_RIGHT", "TECHNICAL_SECRET", "OTHER")),
  /** 技术许可: 专利实施许可 / 技术秘密使用许可 / 其他. */
  TECHNOLOGY_LICENSING(List.of("PATENT_LICENSE", "TECHNICAL_SECRET_LICENSE", "OTHER")),
  /** 技术咨询: no subtype. */
  TECHNICAL_CONSULTING(List.of()),
  /** 技术服务: 一般技术服务 / 技术中介 / 技术培训. */
  TECHNICAL_SERVICE(List.of("GENERAL", "INTERMEDIARY", "TRAINING"));

  private final List<String> subtypes;

  ContractType(List<String> subtypes) {
    this.subtypes = subtypes;
  }

  public List<String> subtypes() {
    return subtypes;
  }

  /** A type with subtypes needs one of them; a type without takes none. */
  public boolean accepts(String subtype) {
    return subtypes.isEmpty() ? subtype == null : subtype != null && subtypes.contains(subtype);
  }
}
