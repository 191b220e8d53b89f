package org.pingliang.techmarket.marketplace.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.ADMIN;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.BROKER;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.COMMISSIONER;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.ENTERPRISE;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.SERVICE;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.UNIVERSITY;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.accepted;
import static org.pingliang.techmarket.marketplace.organisation.internal.Fixtures.refused;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.identity.Role;
import org.pingliang.techmarket.marketplace.organisation.CreditCodes;
import org.pingliang.techmarket.marketplace.organisation.LegalEntityType.Category;
import org.pingliang.techmarket.marketplace.organisation.LegalEntityType.Subtype;
import org.pingliang.techmarket.marketplace.organisation.OrganisationKind;
import org.pingliang.techmarket.marketplace.organisation.VerificationStatus;

class RegistrationRulesTest {

  private static OrganisationForm form(OrganisationKind kind) {
    return new OrganisationForm("庄浪县梯田薯业淀粉有限公司", kind, CreditCodes.random(), "620825",
        new LegalEntityForm(Category.ENTERPRISE, null));
  }

  @Test
  void each_role_registers_the_kinds_it_acts_for() {
    assertThat(RegistrationRules.kindsFor(UNIVERSITY))
        .containsExactlyInAnyOrder(OrganisationKind.UNIVERSITY, OrganisationKind.RESEARCH_INSTITUTE);
    assertThat(RegistrationRules.kindsFor(ENTERPRISE))
        .containsExactlyInAnyOrder(OrganisationKind.ENTERPRISE, OrganisationKind.SERVICE_PROVIDER);
    assertThat(RegistrationRules.kindsFor(BROKER)).containsExactly(OrganisationKind.BROKER_AGENCY);
    assertThat(RegistrationRules.kindsFor(COMMISSIONER)).containsExactly(OrganisationKind.SERVICE_PROVIDER);
    assertThat(RegistrationRules.kindsFor(ADMIN)).containsExactlyInAnyOrder(OrganisationKind.values());
    assertThat(RegistrationRules.kindsFor(SERVICE)).isEmpty();
  }

  @Test
  void a_user_with_two_roles_registers_the_kinds_of_both() {
    var both = Fixtures.actor("x", Role.BROKER, Role.COMMISSIONER);
    assertThat(RegistrationRules.kindsFor(both))
        .containsExactlyInAnyOrder(OrganisationKind.BROKER_AGENCY, OrganisationKind.SERVICE_PROVIDER);
  }

  @Test
  void a_valid_registration_is_pending_at_version_zero_with_a_normalised_code() {
    var id = UUID.randomUUID();
    var code = CreditCodes.random();
    var organisation = accepted(RegistrationRules.register(id, ENTERPRISE,
        new OrganisationForm("平凉红牛灵台牧业有限公司", OrganisationKind.ENTERPRISE, " " + code.toLowerCase() + " ",
            "620822", new LegalEntityForm(Category.ENTERPRISE, null))));
    assertThat(organisation.id()).isEqualTo(id);
    assertThat(organisation.creditCode().value()).isEqualTo(code);
    assertThat(organisation.verificationStatus()).isEqualTo(VerificationStatus.PENDING);
    assertThat(organisation.version()).isZero();
  }

  @Test
  void a_kind_outside_the_role_is_forbidden_before_any_field_is_checked() {
    var outcome = RegistrationRules.register(UUID.randomUUID(), BROKER,
        new OrganisationForm(null, OrganisationKind.UNIVERSITY, null, null, null));
    var refusal = refused(outcome, Refusal.FORBIDDEN);
    assertThat(refusal.reason()).isEqualTo("kind-not-allowed");
    assertThat(refusal.violations()).containsExactly(new Violation("kind", "not-allowed-for-role"));
  }

  @Test
  void every_missing_field_is_named() {
    var refusal = refused(RegistrationRules.register(UUID.randomUUID(), ADMIN,
        new OrganisationForm(null, null, null, null, null)), Refusal.INVALID);
    assertThat(refusal.violations()).containsExactly(new Violation("name", "required"),
        new Violation("kind", "required"), new Violation("creditCode", "required"),
        new Violation("regionCode", "required"), new Violation("legalEntityType", "required"));
  }

  @Test
  void a_wrong_check_character_and_a_wrong_shape_are_told_apart() {
    var wrongCheck = new OrganisationForm("平凉", OrganisationKind.ENTERPRISE,
        CreditCodes.withWrongCheck(CreditCodes.random()), "620800", new LegalEntityForm(Category.ENTERPRISE, null));
    assertThat(refused(RegistrationRules.register(UUID.randomUUID(), ENTERPRISE, wrongCheck), Refusal.INVALID)
        .violations()).containsExactly(new Violation("creditCode", "check-digit"));
    var wrongShape = new OrganisationForm("平凉", OrganisationKind.ENTERPRISE, "9162080", "620800",
        new LegalEntityForm(Category.ENTERPRISE, null));
    assertThat(refused(RegistrationRules.register(UUID.randomUUID(), ENTERPRISE, wrongShape), Refusal.INVALID)
        .violations()).containsExactly(new Violation("creditCode", "format"));
  }

  @Test
  void names_are_one_to_two_hundred_characters_counted_as_people_count_them() {
    assertThat(accepted(RegistrationRules.register(UUID.randomUUID(), ENTERPRISE,
        withName(form(OrganisationKind.ENTERPRISE), "果" + "🍎".repeat(199)))).name()).hasSize(399);
    assertThat(refused(RegistrationRules.register(UUID.randomUUID(), ENTERPRISE,
        withName(form(OrganisationKind.ENTERPRISE), "果" + "🍎".repeat(200))), Refusal.INVALID).violations())
        .containsExactly(new Violation("name", "size"));
  }

  @Test
  void a_name_keeps_every_character_as_typed() {
    var name = "  <b>平凉</b> \u202E'; --  ";
    assertThat(accepted(RegistrationRules.register(UUID.randomUUID(), ENTERPRISE,
        withName(form(OrganisationKind.ENTERPRISE), name))).name()).isEqualTo(name);
  }

  @Test
  void a_name_without_letters_or_with_control_characters_is_refused() {
    for (var blank : new String[] {"", "   ", "\u200B", "---"}) {
      assertThat(refused(RegistrationRules.register(UUID.randomUUID(), ENTERPRISE,
          withName(form(OrganisationKind.ENTERPRISE), blank)), Refusal.INVALID).violations())
          .containsExactly(new Violation("name", "not-blank"));
    }
    for (var broken : new String[] {"平凉\u0000", "平凉\t公司", "平凉\u0085", "平凉\uD800"}) {
      assertThat(refused(RegistrationRules.register(UUID.randomUUID(), ENTERPRISE,
          withName(form(OrganisationKind.ENTERPRISE), broken)), Refusal.INVALID).violations())
          .containsExactly(new Violation("name", "invalid-characters"));
    }
  }

  @Test
  void the_legal_entity_subtype_belongs_to_public_institutions_only() {
    var noSubtype = new OrganisationForm("平凉", OrganisationKind.UNIVERSITY, CreditCodes.random(), "620802",
        new LegalEntityForm(Category.PUBLIC_INSTITUTION, null));
    assertThat(refused(RegistrationRules.register(UUID.randomUUID(), UNIVERSITY, noSubtype), Refusal.INVALID)
        .violations()).containsExactly(new Violation("legalEntityType.subtype", "required"));
    var misplaced = new OrganisationForm("平凉", OrganisationKind.ENTERPRISE, CreditCodes.random(), "620802",
        new LegalEntityForm(Category.GOVERNMENT_AGENCY, Subtype.RESEARCH_INSTITUTION));
    assertThat(refused(RegistrationRules.register(UUID.randomUUID(), ENTERPRISE, misplaced), Refusal.INVALID)
        .violations()).containsExactly(new Violation("legalEntityType.subtype", "not-allowed"));
  }

  @Test
  void the_history_of_a_registration_lists_every_field() {
    var organisation = accepted(RegistrationRules.register(UUID.randomUUID(), ENTERPRISE,
        form(OrganisationKind.ENTERPRISE)));
    assertThat(RegistrationRules.asChanges(organisation)).containsOnlyKeys("name", "kind", "creditCode", "regionCode",
        "legalEntityType", "verificationStatus")
        .containsEntry("legalEntityType", new FieldChange(null, "ENTERPRISE"))
        .containsEntry("verificationStatus", new FieldChange(null, "PENDING"));
  }

  private static OrganisationForm withName(OrganisationForm form, String name) {
    return new OrganisationForm(name, form.kind(), form.creditCode(), form.regionCode(), form.legalEntityType());
  }
}
