package org.pingliang.techmarket.marketplace.listing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pingliang.techmarket.marketplace.ApiTest;
import org.pingliang.techmarket.marketplace.listing.achievement.ManagingAchievements;
import org.pingliang.techmarket.marketplace.listing.collection.CuratingPackages;
import org.pingliang.techmarket.marketplace.listing.demand.ManagingDemands;
import org.pingliang.techmarket.marketplace.organisation.DemoOrganisationsFixture;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo market loads through the real services, every item passes the rules, and loading twice
 * adds nothing. Built by hand: the tests do not run with the demo profile.
 */
class DemoListingsTest extends ApiTest {

  @Autowired
  ApplicationContext context;
  @Autowired
  DatabaseClient database;

  private long count(String sql) {
    return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
  }

  @Test
  void the_demo_market_loads_once_and_is_public() {
    DemoOrganisationsFixture.load(context).block(Duration.ofSeconds(30));
    var loader = new DemoListings(context.getBean(ManagingAchievements.class), context.getBean(ManagingDemands.class),
        context.getBean(CuratingPackages.class), context.getBean(Organisations.class), database,
        context.getBean(JsonMapper.class));

    loader.seed().block(Duration.ofSeconds(120));
    var achievements = count("SELECT count(*) FROM achievements WHERE external_id LIKE 'demo-a%' AND status = 'PUBLISHED'");
    var demands = count("SELECT count(*) FROM demands WHERE organisation_id::text LIKE '01941f29-7c00-7000-8000-%'");
    var packages = count("SELECT count(*) FROM achievement_packages WHERE status = 'PUBLISHED' AND curator = '0b7e1000-0000-4000-8000-000000000007'");
    assertThat(achievements).isEqualTo(10);
    assertThat(demands).isEqualTo(5);
    assertThat(packages).isGreaterThanOrEqualTo(4);

    loader.seed().block(Duration.ofSeconds(120));
    assertThat(count("SELECT count(*) FROM achievements WHERE external_id LIKE 'demo-a%'")).isEqualTo(achievements);
    assertThat(count("SELECT count(*) FROM demands WHERE organisation_id::text LIKE '01941f29-7c00-7000-8000-%'"))
        .isEqualTo(demands);

    http.get().uri("/api/achievement-packages?size=100").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.items[?(@.theme == '静宁苹果')].achievements.length()").isEqualTo(3);
    http.get().uri("/api/demands?challenge=true&size=100").exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.items[?(@.title == '煤化工高盐废水零排放工艺')].bounty.amountFen").isEqualTo(200_000_000);
  }
}
