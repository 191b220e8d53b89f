package org.pingliang.techmarket.marketplace.contract;

import java.util.List;

/**
 * The kinds of technology contract (技术合同, Civil Code ch. 20) and the subtypes each allows. A type
 * with subtypes needs one; 技术咨询 has none.
 */
public enum ContractType {
  /** 技术开发: 委托开发 (COMMISSIONED), 合作开发 (COOPERATIVE). */
  TECHNOLOGY_DEVELOPMENT("技术开发", List.of("COMMISSIONED", "COOPERATIVE")),
  /** 技术转让: 专利权, 专利申请权, 技术秘密, 其他. */
  TECHNOLOGY_TRANSFER("技术转让", List.of("PATENT_RIGHT", "PATENT_APPLICATION_RIGHT", "TECHNICAL_SECRET", "OTHER")),
  /** 技术许可: 专利实施许可, 技术秘密使用许可, 其他. */
  TECHNOLOGY_LICENSING("技术许可", List.of("PATENT_LICENSE", "TECHNICAL_SECRET_LICENSE", "OTHER")),
  /** 技术咨询. */
  TECHNICAL_CONSULTING("技术咨询", List.of()),
  /** 技术服务: 一般技术服务, 技术中介, 技术培训. */
  TECHNICAL_SERVICE("技术服务", List.of("GENERAL", "INTERMEDIARY", "TRAINING"));

  private final String chineseName;
  private final List<String> subtypes;

  ContractType(String chineseName, List<String> subtypes) {
    this.chineseName = chineseName;
    this.subtypes = subtypes;
  }

  public String chineseName() {
    return chineseName;
  }

  public List<String> subtypes() {
    return subtypes;
  }

  /** Whether the subtype belongs to this type; {@code null} is right exactly when the type has none. */
  public boolean allows(String subtype) {
    return subtype == null ? subtypes.isEmpty() : subtypes.contains(subtype);
  }

  /** The type with this name, or {@code null}. */
  public static ContractType parse(String name) {
    for (var type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    return null;
  }

  /** The subtype's Chinese name as the registration form prints it. */
  public static String subtypeChineseName(String subtype) {
    if (subtype == null) {
      return "";
    }
    return switch (subtype) {
      case "COMMISSIONED" -> "委托开发";
      case "COOPERATIVE" -> "合作开发";
      case "PATENT_RIGHT" -> "专利权转让";
      case "PATENT_APPLICATION_RIGHT" -> "专利申请权转让";
      case "TECHNICAL_SECRET" -> "技术秘密转让";
      case "PATENT_LICENSE" -> "专利实施许可";
      case "TECHNICAL_SECRET_LICENSE" -> "技术秘密使用许可";
      case "GENERAL" -> "一般技术服务";
      case "INTERMEDIARY" -> "技术中介";
      case "TRAINING" -> "技术培训";
      default -> "其他";
    };
  }
}
