package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.organisation.internal.Outcome;
import org.pingliang.techmarket.marketplace.organisation.internal.Refusal;
import org.pingliang.techmarket.marketplace.organisation.internal.Violation;

class VersionsTest {

  @Test
  void the_version_comes_from_if_match_quoted_or_bare_or_from_the_body() {
    assertThat(Versions.required("\"3\"", null)).isEqualTo(Outcome.accepted(3L));
    assertThat(Versions.required(" 3 ", null)).isEqualTo(Outcome.accepted(3L));
    assertThat(Versions.required(null, 4L)).isEqualTo(Outcome.accepted(4L));
    assertThat(Versions.required("\"5\"", 5L)).isEqualTo(Outcome.accepted(5L));
  }

  @Test
  void an_update_without_a_version_is_refused_a_decision_is_not() {
    assertThat(Versions.required(null, null))
        .isEqualTo(Outcome.invalid(java.util.List.of(new Violation("version", "required"))));
    assertThat(Versions.optional(null, null)).isEqualTo(Outcome.accepted(Optional.empty()));
  }

  @Test
  void two_different_versions_are_refused() {
    assertThat(Versions.required("\"3\"", 4L))
        .isEqualTo(Outcome.invalid(java.util.List.of(new Violation("version", "mismatch"))));
  }

  @Test
  void a_wildcard_weak_or_garbled_entity_tag_is_malformed() {
    for (var ifMatch : new String[] {"*", "W/\"3\"", "\"three\"", "\"1\", \"2\"", "-1", "\"99999999999999999999\""}) {
      var refused = (Outcome.Refused<Long>) Versions.required(ifMatch, null);
      assertThat(refused.refusal()).as(ifMatch).isEqualTo(Refusal.MALFORMED);
      assertThat(refused.violations()).containsExactly(new Violation("If-Match", "format"));
    }
  }

  @Test
  void the_entity_tag_is_the_quoted_version() {
    var organisation = new Organisation(java.util.UUID.randomUUID(), "平凉", OrganisationKind.ENTERPRISE,
        new UnifiedSocialCreditCode(CreditCodes.random()), new RegionCode("620800"),
        LegalEntityType.of(LegalEntityType.Category.ENTERPRISE), VerificationStatus.PENDING, 7);
    assertThat(Versions.entityTag(organisation)).isEqualTo("\"7\"");
  }
}
