package org.pingliang.techmarket.marketplace.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.organisation.internal.LegalEntityForm;
import org.pingliang.techmarket.marketplace.organisation.internal.Member;

/** The JSON shapes of the organisation API (responses; requests sit with their controller). */
final class OrganisationJson {

  private OrganisationJson() {}

  /**
   * An organisation as the API shows it.
   *
   * @param regionName the region's name in the request's language where the platform knows it
   * @param rejectionReason why verification refused it, while it is refused
   */
  record OrganisationResponse(
      UUID id,
      String name,
      OrganisationKind kind,
      String creditCode,
      String regionCode,
      String regionName,
      LegalEntity legalEntityType,
      VerificationStatus verificationStatus,
      String rejectionReason,
      Instant createdAt,
      Instant updatedAt,
      long version) {

    static OrganisationResponse of(StoredOrganisation stored, Locale locale) {
      var organisation = stored.organisation();
      return new OrganisationResponse(organisation.id(), organisation.name(), organisation.kind(),
          organisation.creditCode().value(), organisation.regionCode().value(),
          organisation.regionCode().name(locale).orElse(null), LegalEntity.of(organisation.legalEntityType()),
          organisation.verificationStatus(), stored.rejectionReason(), stored.createdAt(), stored.updatedAt(),
          organisation.version());
    }
  }

  /** A legal-entity type: {@code subtype} only for public institutions (事业单位). */
  record LegalEntity(LegalEntityType.Category category, LegalEntityType.Subtype subtype) {

    static LegalEntity of(LegalEntityType type) {
      return new LegalEntity(type.category(), type.subtype());
    }

    static LegalEntityForm toForm(LegalEntity json) {
      return json == null ? null : new LegalEntityForm(json.category(), json.subtype());
    }
  }

  /** A page of a list that can grow: the items and the cursor of the next page, {@code null} on the last. */
  record OrganisationPage(List<OrganisationResponse> items, String nextCursor) {}

  record MemberResponse(String subject, MemberRole role, String addedBy, Instant addedAt) {

    static MemberResponse of(Member member) {
      return new MemberResponse(member.subject(), member.role(), member.addedBy(), member.addedAt());
    }
  }

  record MemberList(List<MemberResponse> items) {}

  /** One of the caller's organisations and their role in it. */
  record MyOrganisation(MemberRole role, OrganisationResponse organisation) {}

  record MyOrganisations(List<MyOrganisation> items) {}
}
