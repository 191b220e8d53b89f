package org.pingliang.techmarket.marketplace.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

class PostgresCreditTest extends ApiTest {

  @Autowired Engagements engagements;
  @Autowired TradingBans bans;
  @Autowired DatabaseClient database;

  @Test
  void anEngagementIsRecordedOnceWithAllItsParties() {
    UUID contract = Ids.newId();
    var engagement = new Engagements.Engagement("CONTRACT", contract, List.of(
        new Engagements.Party("SELLER", Ids.newId(), null),
        new Engagements.Party("BUYER", Ids.newId(), null),
        new Engagements.Party("BROKER", Ids.newId(), "broker-subject")), Instant.parse("2026-11-26T10:00:00Z"));

    engagements.completed(engagement).then(engagements.completed(engagement)).block();

    Long parties = database.sql("""
            SELECT count(*) AS n FROM credit_engagement_parties p JOIN credit_engagements e ON e.id = p.engagement_id
            WHERE e.kind = 'CONTRACT' AND e.reference_id = :ref""")
        .bind("ref", contract).map(row -> row.get("n", Long.class)).one().block();
    assertThat(parties).isEqualTo(3);
  }

  @Test
  void aBannedOrganisationOrPersonIsRefusedAndABanIsImposedOnce() {
    UUID organisation = Ids.newId();
    String person = "person-" + Ids.newId();

    StepVerifier.create(bans.requireOrganisationAllowed(organisation)).verifyComplete();
    UUID first = bans.ban(organisation, null, "伪造合同", "admin").block();
    UUID second = bans.ban(organisation, null, "again", "admin").block();
    assertThat(second).isEqualTo(first);
    StepVerifier.create(bans.requireOrganisationAllowed(organisation))
        .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ApiProblem.class)).verify();

    assertThat(bans.isPersonBanned(person).block()).isFalse();
    bans.ban(null, person, "学术不端", "admin").block();
    assertThat(bans.isPersonBanned(person).block()).isTrue();
    assertThat(bans.isOrganisationBanned(Ids.newId()).block()).isFalse();
  }
}
