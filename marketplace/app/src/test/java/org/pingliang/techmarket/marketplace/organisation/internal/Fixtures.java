package org.pingliang.techmarket.marketplace.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.identity.Role;
import org.pingliang.techmarket.marketplace.organisation.CreditCodes;
import org.pingliang.techmarket.marketplace.organisation.LegalEntityType;
import org.pingliang.techmarket.marketplace.organisation.Organisation;
import org.pingliang.techmarket.marketplace.organisation.OrganisationKind;
import org.pingliang.techmarket.marketplace.organisation.RegionCode;
import org.pingliang.techmarket.marketplace.organisation.UnifiedSocialCreditCode;
import org.pingliang.techmarket.marketplace.organisation.VerificationStatus;

/** Actors and organisations for the rule tests. */
final class Fixtures {

  static final Actor UNIVERSITY = actor("u-1", Role.UNIVERSITY);
  static final Actor ENTERPRISE = actor("e-1", Role.ENTERPRISE);
  static final Actor BROKER = actor("b-1", Role.BROKER);
  static final Actor COMMISSIONER = actor("c-1", Role.COMMISSIONER);
  static final Actor ADMIN = actor("a-1", Role.ADMIN);
  static final Actor SERVICE = actor("s-1", Role.SERVICE);

  private Fixtures() {}

  static Actor actor(String subject, Role... roles) {
    return new Actor(subject, subject, Set.of(roles));
  }

  static Organisation organisation(VerificationStatus status, long version) {
    return new Organisation(UUID.randomUUID(), "静宁县陇红苹果产业有限公司", OrganisationKind.ENTERPRISE,
        new UnifiedSocialCreditCode(CreditCodes.random()), new RegionCode("620826"),
        LegalEntityType.of(LegalEntityType.Category.ENTERPRISE), status, version);
  }

  static ChangeForm sameDetails(Organisation organisation) {
    return new ChangeForm(organisation.name(), organisation.regionCode().value(),
        LegalEntityForm.of(organisation.legalEntityType()), null);
  }

  static <T> T accepted(Outcome<T> outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
    return ((Outcome.Accepted<T>) outcome).value();
  }

  static Outcome.Refused<?> refused(Outcome<?> outcome, Refusal refusal) {
    assertThat(outcome).isInstanceOf(Outcome.Refused.class);
    var refused = (Outcome.Refused<?>) outcome;
    assertThat(refused.refusal()).isEqualTo(refusal);
    return refused;
  }
}
