package org.pingliang.techmarket.marketplace.contract;

import java.util.UUID;
import org.pingliang.techmarket.marketplace.organisation.LegalEntityType;
import org.pingliang.techmarket.marketplace.organisation.Organisation;

/**
 * One side of a contract as registration records it, copied from the organisation when the draft
 * was made: name, unified social credit code, country (ISO 3166-1 alpha-3), GB/T 2260 region and
 * legal-entity type.
 */
public record Party(
    UUID organisationId,
    String name,
    String creditCode,
    String countryCode,
    String regionCode,
    LegalEntityType.Category legalCategory,
    LegalEntityType.Subtype legalSubtype) {

  /** Organisations of the market are registered in China. */
  public static final String CHINA = "CHN";

  static Party of(Organisation organisation) {
    return new Party(organisation.id(), organisation.name(), organisation.creditCode().value(), CHINA,
        organisation.regionCode().value(), organisation.legalEntityType().category(),
        organisation.legalEntityType().subtype());
  }

  /** 法人类型 as the registration form prints it. */
  public String legalTypeChineseName() {
    return switch (legalCategory) {
      case GOVERNMENT_AGENCY -> "机关法人";
      case PUBLIC_INSTITUTION -> switch (legalSubtype) {
        case RESEARCH_INSTITUTION -> "事业法人（科研机构）";
        case HIGHER_EDUCATION -> "事业法人（高等院校）";
        case null, default -> "事业法人（其他）";
      };
      case SOCIAL_ORGANISATION -> "社团法人";
      case ENTERPRISE -> "企业法人";
      case OTHER -> "其他组织";
    };
  }

  /** The statistics' party type: the category, with the public institution's subtype. */
  public String partyType() {
    return legalSubtype == null ? legalCategory.name() : legalCategory.name() + ":" + legalSubtype.name();
  }
}
