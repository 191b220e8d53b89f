package org.pingliang.techmarket.marketplace.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.ADMIN;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.ENTERPRISE;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.accepted;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.organisation;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.refused;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.sameDetails;

import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.organisation.CreditCodes;
import org.pingliang.techmarket.marketplace.organisation.LegalEntityType.Category;
import org.pingliang.techmarket.marketplace.organisation.VerificationStatus;

class ChangeRulesTest {

  @Test
  void a_change_based_on_an_old_version_is_a_conflict() {
    var current = organisation(VerificationStatus.PENDING, 3);
    var refusal = refused(ChangeRules.change(current, ENTERPRISE, 2, sameDetails(current)), Refusal.CONFLICT);
    assertThat(refusal.reason()).isEqualTo("stale-version");
  }

  @Test
  void the_same_values_are_no_change() {
    var current = organisation(VerificationStatus.VERIFIED, 3);
    var change = accepted(ChangeRules.change(current, ENTERPRISE, 3, sameDetails(current)));
    assertThat(change.isEmpty()).isTrue();
    assertThat(change.after()).isEqualTo(current);
  }

  @Test
  void a_new_name_of_a_verified_organisation_needs_verification_again() {
    var current = organisation(VerificationStatus.VERIFIED, 1);
    var change = accepted(ChangeRules.change(current, ENTERPRISE, 1,
        new ChangeForm("静宁苹果集团", "620826", LegalEntityForm.of(current.legalEntityType()), null)));
    assertThat(change.after().verificationStatus()).isEqualTo(VerificationStatus.PENDING);
    assertThat(change.after().version()).isEqualTo(2);
    assertThat(change.type()).isEqualTo(ChangeType.UPDATED);
    assertThat(change.fields()).containsOnlyKeys("name", "verificationStatus")
        .containsEntry("name", new FieldChange(current.name(), "静宁苹果集团"))
        .containsEntry("verificationStatus", new FieldChange("VERIFIED", "PENDING"));
  }

  @Test
  void a_new_legal_entity_type_of_a_verified_organisation_needs_verification_again() {
    var current = organisation(VerificationStatus.VERIFIED, 1);
    var change = accepted(ChangeRules.change(current, ENTERPRISE, 1, new ChangeForm(current.name(), "620826",
        new LegalEntityForm(Category.SOCIAL_ORGANISATION, null), null)));
    assertThat(change.after().verificationStatus()).isEqualTo(VerificationStatus.PENDING);
    assertThat(change.fields()).containsEntry("legalEntityType", new FieldChange("ENTERPRISE", "SOCIAL_ORGANISATION"));
  }

  @Test
  void a_new_region_alone_keeps_a_verified_organisation_verified() {
    var current = organisation(VerificationStatus.VERIFIED, 1);
    var change = accepted(ChangeRules.change(current, ENTERPRISE, 1,
        new ChangeForm(current.name(), "620881", LegalEntityForm.of(current.legalEntityType()), null)));
    assertThat(change.after().verificationStatus()).isEqualTo(VerificationStatus.VERIFIED);
    assertThat(change.fields()).containsOnlyKeys("regionCode");
  }

  @Test
  void any_change_of_a_rejected_organisation_resubmits_it_and_drops_the_reason() {
    var current = organisation(VerificationStatus.REJECTED, 1);
    var change = accepted(ChangeRules.change(current, ENTERPRISE, 1,
        new ChangeForm(current.name(), "620881", LegalEntityForm.of(current.legalEntityType()), null)));
    assertThat(change.after().verificationStatus()).isEqualTo(VerificationStatus.PENDING);
    assertThat(change.rejectionReasonAfter("执照模糊")).isNull();
  }

  @Test
  void a_rejected_organisation_that_does_not_change_keeps_its_reason() {
    var current = organisation(VerificationStatus.REJECTED, 1);
    var change = accepted(ChangeRules.change(current, ENTERPRISE, 1, sameDetails(current)));
    assertThat(change.rejectionReasonAfter("执照模糊")).isEqualTo("执照模糊");
  }

  @Test
  void only_an_administrator_changes_the_credit_code() {
    var current = organisation(VerificationStatus.VERIFIED, 1);
    var newCode = CreditCodes.random();
    var form = new ChangeForm(current.name(), "620826", LegalEntityForm.of(current.legalEntityType()), newCode);
    assertThat(refused(ChangeRules.change(current, ENTERPRISE, 1, form), Refusal.FORBIDDEN).violations())
        .containsExactly(new Violation("creditCode", "admin-only"));
    var change = accepted(ChangeRules.change(current, ADMIN, 1, form));
    assertThat(change.after().creditCode().value()).isEqualTo(newCode);
    assertThat(change.after().verificationStatus()).isEqualTo(VerificationStatus.PENDING);
  }

  @Test
  void repeating_the_current_credit_code_is_no_change_of_it() {
    var current = organisation(VerificationStatus.VERIFIED, 1);
    var form = new ChangeForm(current.name(), "620826", LegalEntityForm.of(current.legalEntityType()),
        current.creditCode().value().toLowerCase());
    assertThat(accepted(ChangeRules.change(current, ENTERPRISE, 1, form)).isEmpty()).isTrue();
  }

  @Test
  void the_kind_never_changes_and_fields_are_checked_like_at_registration() {
    var current = organisation(VerificationStatus.PENDING, 0);
    var refusal = refused(ChangeRules.change(current, ADMIN, 0, new ChangeForm("", "1", null, "X")), Refusal.INVALID);
    assertThat(refusal.violations()).containsExactly(new Violation("name", "not-blank"),
        new Violation("regionCode", "format"), new Violation("legalEntityType", "required"),
        new Violation("creditCode", "format"));
  }
}
