package org.pingliang.techmarket.marketplace.organisation.internal;

import org.pingliang.techmarket.marketplace.organisation.LegalEntityType;

/** A legal-entity type as the client sent it; the subtype may be missing or misplaced. */
public record LegalEntityForm(LegalEntityType.Category category, LegalEntityType.Subtype subtype) {

  public static LegalEntityForm of(LegalEntityType type) {
    return new LegalEntityForm(type.category(), type.subtype());
  }
}
