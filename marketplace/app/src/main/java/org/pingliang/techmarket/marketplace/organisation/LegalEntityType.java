package org.pingliang.techmarket.marketplace.organisation;

import java.util.Objects;

/**
 * The legal form of an organisation as technology-contract registration records it (法人类型): 机关,
 * 事业单位 (with whether it is a 科研机构 or 高等院校), 社会团体, 企业, or other. A subtype belongs to
 * public institutions only, and they must have one.
 */
public record LegalEntityType(Category category, Subtype subtype) {

  /** The legal form. */
  public enum Category {
    /** 机关. */
    GOVERNMENT_AGENCY,
    /** 事业单位. */
    PUBLIC_INSTITUTION,
    /** 社会团体. */
    SOCIAL_ORGANISATION,
    /** 企业. */
    ENTERPRISE,
    /** 其他. */
    OTHER
  }

  /** What kind of public institution (事业单位) it is. */
  public enum Subtype {
    /** 科研机构. */
    RESEARCH_INSTITUTION,
    /** 高等院校. */
    HIGHER_EDUCATION,
    /** 其他事业单位. */
    OTHER
  }

  public LegalEntityType {
    Objects.requireNonNull(category, "category");
    if (!isConsistent(category, subtype)) {
      throw new IllegalArgumentException("a subtype is required for, and only allowed for, public institutions");
    }
  }

  /** A legal form without a subtype; not for public institutions. */
  public static LegalEntityType of(Category category) {
    return new LegalEntityType(category, null);
  }

  /** A public institution (事业单位) of the given subtype. */
  public static LegalEntityType publicInstitution(Subtype subtype) {
    return new LegalEntityType(Category.PUBLIC_INSTITUTION, subtype);
  }

  /** Whether the pair is allowed: a subtype exactly when the category is PUBLIC_INSTITUTION. */
  public static boolean isConsistent(Category category, Subtype subtype) {
    return (category == Category.PUBLIC_INSTITUTION) == (subtype != null);
  }
}
