package org.pingliang.techmarket.marketplace.benchmark;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.RouteRules;
import org.pingliang.techmarket.marketplace.listing.achievement.AchievementForm;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The baseline of the create-listing benchmark (profile {@code benchmark} only): the same achievement
 * row inserted by a bare WebFlux + R2DBC endpoint — no token, no validation, no membership check, no
 * history, no outbox. The real endpoint is measured against it in the same run (infra/bin/bench-listings).
 */
@RestController
@Profile("benchmark")
class BareInsertController {

  private final DatabaseClient database;

  BareInsertController(DatabaseClient database) {
    this.database = database;
  }

  @PostMapping("/bench/achievements")
  @ResponseStatus(HttpStatus.CREATED)
  Mono<Map<String, UUID>> insert(@RequestBody AchievementForm form) {
    var id = Ids.newId();
    var now = Instant.now();
    return database.sql("""
            INSERT INTO achievements (id, organisation_id, title, summary, description, technology_field, industry_tags,
              maturity, trl, ip_rights, transfer_modes, asking_price_fen, price_negotiable, region_code, status,
              created_by, created_at, updated_at, version)
            VALUES (:id, :org, :title, :summary, :description, :field, :tags, :maturity, :trl, :ip, :modes, :price, false,
              :region, 'DRAFT', 'benchmark', :now, :now, 1)""")
        .bind("id", id)
        .bind("org", form.organisationId())
        .bind("title", form.title())
        .bind("summary", form.summary())
        .bind("description", form.description())
        .bind("field", form.technologyField().name())
        .bind("tags", form.industryTags().toArray(String[]::new))
        .bind("maturity", form.maturity().name())
        .bind("trl", form.trl().shortValue())
        .bind("ip", Json.of("{\"patents\":[],\"softwareCopyrights\":[],\"plantVarieties\":[]}"))
        .bind("modes", form.transferModes().stream().map(Enum::name).toArray(String[]::new))
        .bind("price", form.askingPrice().amountFen())
        .bind("region", form.regionCode())
        .bind("now", now)
        .then()
        .thenReturn(Map.of("id", id));
  }

  /** The baseline takes no token: it measures the bare stack. */
  @Configuration(proxyBeanMethods = false)
  @Profile("benchmark")
  static class Rules {
    @Bean
    RouteRules benchmarkRouteRules() {
      return routes -> routes.pathMatchers(HttpMethod.POST, "/bench/achievements").permitAll();
    }
  }
}
