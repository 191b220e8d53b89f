package org.pingliang.techmarket.marketplace.organisation.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.identity.Role;
import org.pingliang.techmarket.marketplace.organisation.Organisation;
import org.pingliang.techmarket.marketplace.organisation.OrganisationKind;
import org.pingliang.techmarket.marketplace.organisation.VerificationStatus;

/**
 * RegistrationRules an organisation (机构登记): users register the kinds of organisation their role acts
 * for, administrators any kind. A new organisation waits for verification (PENDING).
 */
public final class RegistrationRules {

  private RegistrationRules() {}

  /** The kinds the actor may register. */
  public static Set<OrganisationKind> kindsFor(Actor actor) {
    if (actor.isAdmin()) {
      return EnumSet.allOf(OrganisationKind.class);
    }
    var kinds = EnumSet.noneOf(OrganisationKind.class);
    for (var role : actor.roles()) {
      kinds.addAll(kindsFor(role));
    }
    return kinds;
  }

  private static Set<OrganisationKind> kindsFor(Role role) {
    return switch (role) {
      case UNIVERSITY -> EnumSet.of(OrganisationKind.UNIVERSITY, OrganisationKind.RESEARCH_INSTITUTE);
      case ENTERPRISE -> EnumSet.of(OrganisationKind.ENTERPRISE, OrganisationKind.SERVICE_PROVIDER);
      case BROKER -> EnumSet.of(OrganisationKind.BROKER_AGENCY);
      case COMMISSIONER -> EnumSet.of(OrganisationKind.SERVICE_PROVIDER);
      case ADMIN -> EnumSet.allOf(OrganisationKind.class);
      case SERVICE -> EnumSet.noneOf(OrganisationKind.class);
    };
  }

  /**
   * The organisation to store, or why not. The kind is checked against the role first: a user who
   * may not register that kind at all need not hear about the other fields.
   */
  public static Outcome<Organisation> register(UUID id, Actor actor, OrganisationForm form) {
    if (form.kind() != null && !kindsFor(actor).contains(form.kind())) {
      return Outcome.forbidden("kind-not-allowed", new Violation("kind", "not-allowed-for-role"));
    }
    var checks = new FormChecks();
    var name = checks.name("name", form.name());
    var kind = checks.required("kind", form.kind());
    var creditCode = checks.creditCode("creditCode", form.creditCode());
    var regionCode = checks.regionCode("regionCode", form.regionCode());
    var legalEntityType = checks.legalEntityType("legalEntityType", form.legalEntityType());
    return checks.outcome(() ->
        new Organisation(id, name, kind, creditCode, regionCode, legalEntityType, VerificationStatus.PENDING, 0));
  }

  /** The history entry of a registration: every field, from nothing to its first value. */
  public static Map<String, FieldChange> asChanges(Organisation organisation) {
    var fields = new LinkedHashMap<String, FieldChange>();
    fields.put("name", new FieldChange(null, organisation.name()));
    fields.put("kind", new FieldChange(null, organisation.kind().name()));
    fields.put("creditCode", new FieldChange(null, organisation.creditCode().value()));
    fields.put("regionCode", new FieldChange(null, organisation.regionCode().value()));
    fields.put("legalEntityType", new FieldChange(null, ChangeRules.text(organisation.legalEntityType())));
    fields.put("verificationStatus", new FieldChange(null, organisation.verificationStatus().name()));
    return fields;
  }
}
