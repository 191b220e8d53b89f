package org.pingliang.techmarket.marketplace.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.organisation.DemoOrganisations.DemoOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo organisations: valid by every rule, where the brief puts them, owned by the right demo
 * users, and seeded once however often the loader runs. The loader is built by hand here, since the
 * tests do not run with the demo profile.
 */
class DemoOrganisationsTest extends OrganisationApiTest {

  private static final Set<String> PINGLIANG = Set.of("620800", "620802", "620821", "620822", "620823", "620825",
      "620826", "620881");

  @Autowired
  PostgresOrganisations organisationTable;
  @Autowired
  PostgresMembers memberTable;
  @Autowired
  PostgresOrganisationChanges changeTable;
  @Autowired
  TransactionalOperator transactions;
  @Autowired
  JsonMapper json;

  private DemoOrganisations loader;

  @BeforeEach
  void build_the_loader() {
    loader = new DemoOrganisations(organisationTable, memberTable, changeTable, transactions, json,
        new ClassPathResource("demo/organisations.json"));
  }

  @Test
  void the_demo_data_passes_every_rule_and_stays_in_pingliang() throws Exception {
    var demo = loader.read().organisations();
    assertThat(demo).hasSizeGreaterThanOrEqualTo(10);
    assertThat(demo).extracting(DemoOrganisation::id).doesNotHaveDuplicates();
    assertThat(demo).extracting(DemoOrganisation::creditCode).doesNotHaveDuplicates();
    assertThat(demo).extracting(DemoOrganisation::key).doesNotHaveDuplicates();
    for (var organisation : demo) {
      assertThat(UnifiedSocialCreditCode.parse(organisation.creditCode())).as(organisation.key()).isPresent();
      assertThat(organisation.regionCode()).as(organisation.key()).isIn(PINGLIANG);
      assertThat(organisation.id().version()).as(organisation.key()).isEqualTo(7);
      assertThat(organisation.toOrganisation().isVerified()).isTrue();
    }
    assertThat(demo).extracting(DemoOrganisation::kind).contains(OrganisationKind.values());
  }

  @Test
  void each_demo_user_owns_the_organisations_the_demo_listings_are_posted_for() throws Exception {
    var owners = loader.read().organisations().stream()
        .flatMap(organisation -> organisation.owners().stream().map(owner -> Map.entry(owner.subject(), organisation.key())))
        .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
    assertThat(owners).containsOnly(
        Map.entry(UNIVERSITY, Set.of("college")),
        Map.entry(UNIVERSITY2, Set.of("agri-research-institute")),
        Map.entry(ENTERPRISE, Set.of("apple-enterprise")),
        Map.entry(ENTERPRISE2, Set.of("potato-starch-enterprise", "cattle-enterprise", "coal-chemical-enterprise",
            "tourism-company")),
        Map.entry(BROKER, Set.of("broker-agency")),
        Map.entry(COMMISSIONER, Set.of("service-provider")));
  }

  @Test
  void loading_twice_seeds_once_and_the_organisations_are_public_and_owned() throws Exception {
    StepVerifier.create(loader.load()).expectNextCount(1).verifyComplete();
    StepVerifier.create(loader.load()).expectNext(0L).verifyComplete();

    var college = UUID.fromString("01941f29-7c00-7000-8000-000000000001");
    http.get().uri(ORGANISATIONS + "/{id}", college).exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.verificationStatus").isEqualTo("VERIFIED")
        .jsonPath("$.kind").isEqualTo("UNIVERSITY");
    as("university").get().uri("/api/me/organisations").exchange().expectBody()
        .jsonPath("$.items[?(@.organisation.id == '%s')].role".formatted(college)).isEqualTo("OWNER");
    for (var organisation : loader.read().organisations()) {
      var memberCount = database.sql("SELECT count(*) AS n FROM organisation_members WHERE organisation_id = :id")
          .bind("id", organisation.id()).map(row -> row.get("n", Long.class)).one().block();
      assertThat(memberCount).as(organisation.key()).isEqualTo(organisation.owners().size());
      assertThat(history(organisation.id())).as(organisation.key()).isNotEmpty();
    }
  }
}
