package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.organisation.internal.Outcome;
import org.pingliang.techmarket.marketplace.organisation.internal.Refusal;
import org.pingliang.techmarket.marketplace.organisation.internal.Violation;

class OrganisationQueryTest {

  @Test
  void without_parameters_the_first_page_of_verified_organisations_is_asked_for() {
    var query = accepted(OrganisationQuery.of(null, null, null, null, null));
    assertThat(query.status()).isEqualTo(VerificationStatus.VERIFIED);
    assertThat(query.size()).isEqualTo(20);
    assertThat(query.after()).isNull();
    assertThat(query.kind()).isNull();
    assertThat(query.region()).isNull();
  }

  @Test
  void a_cursor_continues_after_the_organisation_it_was_made_from() {
    var last = UUID.randomUUID();
    var cursor = OrganisationQuery.cursorAfter(last);
    assertThat(cursor).doesNotContain(last.toString()).matches("[A-Za-z0-9_-]+");
    assertThat(accepted(OrganisationQuery.of(null, null, null, cursor, 5)).after()).isEqualTo(last);
  }

  @Test
  void a_cursor_this_api_did_not_issue_is_malformed() {
    for (var cursor : new String[] {"x", "!!!", java.util.Base64.getUrlEncoder().encodeToString("o1:nope".getBytes()),
        java.util.Base64.getUrlEncoder().encodeToString(UUID.randomUUID().toString().getBytes())}) {
      var refused = (Outcome.Refused<OrganisationQuery>) OrganisationQuery.of(null, null, null, cursor, null);
      assertThat(refused.refusal()).isEqualTo(Refusal.MALFORMED);
      assertThat(refused.violations()).containsExactly(new Violation("cursor", "invalid-value"));
    }
  }

  @Test
  void size_and_region_are_checked_together() {
    var refused = (Outcome.Refused<OrganisationQuery>) OrganisationQuery.of(null, null, "99", null, 500);
    assertThat(refused.refusal()).isEqualTo(Refusal.INVALID);
    assertThat(refused.violations()).containsExactly(new Violation("region", "format"), new Violation("size", "max"));
    assertThat(((Outcome.Refused<OrganisationQuery>) OrganisationQuery.of(null, null, "990000", null, 0)).violations())
        .containsExactly(new Violation("region", "unknown-province"), new Violation("size", "min"));
  }

  @Test
  void the_bounds_of_the_page_size_are_allowed() {
    assertThat(accepted(OrganisationQuery.of(null, null, null, null, 1)).size()).isEqualTo(1);
    assertThat(accepted(OrganisationQuery.of(null, null, null, null, 100)).size()).isEqualTo(100);
  }

  private static OrganisationQuery accepted(Outcome<OrganisationQuery> outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
    return ((Outcome.Accepted<OrganisationQuery>) outcome).value();
  }

  @Test
  void empty_parameters_mean_the_same_as_none() {
    var query = accepted(OrganisationQuery.of(null, null, "", "", null));
    assertThat(query.region()).isNull();
    assertThat(query.after()).isNull();
  }
}
