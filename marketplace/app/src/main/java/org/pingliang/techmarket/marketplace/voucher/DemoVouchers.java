package org.pingliang.techmarket.marketplace.voucher;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.identity.Role;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Demo vouchers (profile {@code demo}), once and idempotent on restart: this year's budget of 500万元,
 * the demo enterprise (静宁县陇红苹果产业, user {@code enterprise}) declared small and holding a
 * 2万元 voucher, and the demo provider (崇信县汭河川农业科技服务中心, user {@code commissioner})
 * registered with two services. Waits for the demo organisations, which are seeded at the same time.
 */
@Component
@Profile("demo")
class DemoVouchers {

  private static final Logger log = LoggerFactory.getLogger(DemoVouchers.class);
  static final UUID ENTERPRISE = UUID.fromString("01941f29-7c00-7000-8000-000000000004");
  static final UUID PROVIDER = UUID.fromString("01941f29-7c00-7000-8000-000000000010");
  private static final Actor SEEDER = new Actor("system:demo-data", "demo-data", Set.of(Role.ADMIN));

  private final DatabaseClient database;
  private final Organisations organisations;
  private final IssuingVouchers vouchers;

  DemoVouchers(DatabaseClient database, Organisations organisations, IssuingVouchers vouchers) {
    this.database = database;
    this.organisations = organisations;
    this.vouchers = vouchers;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seedWhenReady() {
    load().subscribe(
        done -> log.info("demo vouchers: ready"),
        error -> log.error("demo vouchers could not be seeded", error));
  }

  Mono<Boolean> load() {
    var year = ZonedDateTime.now(IssuingVouchers.CHINA).getYear();
    return organisations.find(ENTERPRISE).zipWith(organisations.find(PROVIDER))
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("demo organisations not seeded yet")))
        .retryWhen(Retry.fixedDelay(60, Duration.ofSeconds(2)))
        .then(sql("""
            INSERT INTO voucher_budgets (year, amount_fen, set_by) VALUES (:year, 500000000, 'system:demo-data')
            ON CONFLICT (year) DO NOTHING""").bind("year", year).fetch().rowsUpdated())
        .then(sql("""
            INSERT INTO small_enterprise_declarations (organisation_id, employees, annual_revenue_fen, total_assets_fen, declared_by)
            VALUES (:id, 86, 3000000000, 5000000000, 'system:demo-data') ON CONFLICT (organisation_id) DO NOTHING""")
            .bind("id", ENTERPRISE).fetch().rowsUpdated())
        .then(sql("SELECT count(*) AS n FROM vouchers WHERE organisation_id = :id").bind("id", ENTERPRISE)
            .map(row -> row.get("n", Long.class)).one())
        .flatMap(count -> count > 0 ? Mono.<Void>empty()
            : vouchers.issue(SEEDER, ENTERPRISE, year, 2_000_000L, LocalDate.of(year, 12, 31)).then())
        .then(sql("""
            INSERT INTO voucher_providers (organisation_id, registered_by) VALUES (:id, 'system:demo-data')
            ON CONFLICT (organisation_id) DO NOTHING""").bind("id", PROVIDER).fetch().rowsUpdated())
        .then(sql("SELECT count(*) AS n FROM provider_services WHERE provider_organisation_id = :id").bind("id", PROVIDER)
            .map(row -> row.get("n", Long.class)).one())
        .flatMap(count -> count > 0 ? Mono.just(false) : Flux.just(
                new String[] {"果园土壤检测与配方施肥方案", "采样化验 12 项土壤指标，出具苹果园配方施肥与改土方案，含一次现场指导。", "800000"},
                new String[] {"马铃薯贮藏窖温湿度监测与技术咨询", "安装温湿度监测点，给出通风与防腐技术方案，跟踪一个贮藏季。", "1500000"})
            .concatMap(service -> sql("""
                    INSERT INTO provider_services (id, provider_organisation_id, title, description, price_fen, status, created_by)
                    VALUES (:id, :provider, :title, :description, :price, 'PUBLISHED', 'system:demo-data')""")
                .bind("id", org.pingliang.techmarket.marketplace.listing.shared.Ids.newId()).bind("provider", PROVIDER)
                .bind("title", service[0]).bind("description", service[1]).bind("price", Long.parseLong(service[2]))
                .fetch().rowsUpdated())
            .then(Mono.just(true)));
  }

  private DatabaseClient.GenericExecuteSpec sql(String sql) {
    return database.sql(sql);
  }
}
