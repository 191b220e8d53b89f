package org.pingliang.techmarket.marketplace.commissioner;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds demo/commissioners.json under the demo profile: invented villages, the demo user
 * {@code commissioner} and two invented people selected (so the notice is not empty), a team of the
 * three and a demonstration base. Idempotent: what is there already is left alone.
 */
@Component
@Profile("demo")
class DemoCommissioners {

  private static final Logger log = LoggerFactory.getLogger(DemoCommissioners.class);

  private final DatabaseClient database;
  private final TransactionalOperator transaction;
  private final JsonMapper json;
  private final Clock clock;

  DemoCommissioners(DatabaseClient database, TransactionalOperator transaction, JsonMapper json, Clock clock) {
    this.database = database;
    this.transaction = transaction;
    this.json = json;
    this.clock = clock;
  }

  record DemoVillage(String code, String name, String township, String countyCode, boolean poor) {}

  record DemoPerson(String subject, String name, String type, String expertise, UUID employer, String regionCode,
      boolean threeRegionsTalent, List<String> villageCodes, String profile) {}

  record DemoTeam(String name, String regionCode, String focus) {}

  record DemoBase(String name, String regionCode, String villageCode, LocalDate establishedOn) {}

  record DemoData(String description, List<DemoVillage> villages, List<DemoPerson> commissioners, DemoTeam team,
      DemoBase base) {}

  @EventListener(ApplicationReadyEvent.class)
  void seedWhenReady() {
    // The demo organisations are seeded at the same moment; wait until the employers exist.
    load(true).retryWhen(Retry.fixedDelay(30, Duration.ofSeconds(2)))
        .subscribe(added -> log.info("demo commissioners: {} selected now", added),
            error -> log.error("demo commissioners could not be seeded", error));
  }

  /** Villages only (tests), or everything. Emits how many demo people were selected by this call. */
  Mono<Long> load(boolean people) {
    return Mono.fromCallable(() -> {
          try (var input = new ClassPathResource("demo/commissioners.json").getInputStream()) {
            return json.readValue(input, DemoData.class);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }).subscribeOn(Schedulers.boundedElastic())
        .flatMap(data -> Flux.fromIterable(data.villages()).concatMap(this::village).then()
            .then(people ? people(data) : Mono.just(0L)));
  }

  private Mono<Long> village(DemoVillage v) {
    return database.sql("""
            INSERT INTO villages (code, name, township, county_code, poor) VALUES (:code, :name, :township, :county, :poor)
            ON CONFLICT (code) DO NOTHING""")
        .bind("code", v.code()).bind("name", v.name()).bind("township", v.township()).bind("county", v.countyCode())
        .bind("poor", v.poor()).fetch().rowsUpdated();
  }

  private Mono<Long> people(DemoData data) {
    return Flux.fromIterable(data.commissioners()).concatMap(person -> select(person).as(transaction::transactional))
        .reduce(0L, Long::sum)
        .flatMap(added -> team(data).thenReturn(added));
  }

  private Mono<Long> select(DemoPerson p) {
    var application = Ids.newId();
    var now = clock.instant();
    var year = LocalDate.ofInstant(now, Selection.CHINA).getYear();
    return database.sql("SELECT count(*) AS n FROM commissioners WHERE person_subject = :s").bind("s", p.subject())
        .map(row -> row.get("n", Long.class)).one()
        .flatMap(n -> n > 0 ? Mono.just(0L) : database.sql("""
                INSERT INTO commissioner_applications (id, applicant_subject, name, type, profile, expertise, employer_id,
                  region_code, village_codes, three_regions_talent, status, employer_consent, employer_consent_by,
                  employer_consent_at, hr_opinion, decided_by, decided_at, decision_reason)
                VALUES (:id, :subject, :name, :type, :profile, :expertise, :employer, :region, :villages, :talent, 'APPROVED',
                  'GIVEN', 'system:demo-data', :now, '市人社局：同意（演示数据）', 'system:demo-data', :now, '演示数据')""")
            .bind("id", application).bind("subject", p.subject()).bind("name", p.name()).bind("type", p.type())
            .bind("profile", p.profile()).bind("expertise", p.expertise()).bind("employer", p.employer())
            .bind("region", p.regionCode()).bind("villages", p.villageCodes().toArray(String[]::new))
            .bind("talent", p.threeRegionsTalent()).bind("now", now).fetch().rowsUpdated()
            .then(database.sql("""
                    INSERT INTO commissioner_certificate_counters (year, last_number) VALUES (:year, 1)
                    ON CONFLICT (year) DO UPDATE SET last_number = commissioner_certificate_counters.last_number + 1
                    RETURNING last_number""").bind("year", year).map(row -> row.get("last_number", Integer.class)).one())
            .flatMap(number -> database.sql("""
                    INSERT INTO commissioners (id, person_subject, application_id, name, type, expertise, employer_id,
                      region_code, three_regions_talent, standing, selected_at, certificate_number)
                    VALUES (:id, :subject, :application, :name, :type, :expertise, :employer, :region, :talent, 'SELECTED',
                      :now, :certificate)""")
                .bind("id", Ids.newId()).bind("subject", p.subject()).bind("application", application)
                .bind("name", p.name()).bind("type", p.type()).bind("expertise", p.expertise())
                .bind("employer", p.employer()).bind("region", p.regionCode()).bind("talent", p.threeRegionsTalent())
                .bind("now", now).bind("certificate", "平科特聘〔" + year + "〕" + String.format("%04d", number) + "号")
                .fetch().rowsUpdated())
            .then(database.sql("""
                    INSERT INTO commissioner_villages (commissioner_id, village_code)
                    SELECT c.id, v FROM commissioners c, unnest(CAST(:villages AS TEXT[])) AS v WHERE c.person_subject = :subject
                    ON CONFLICT DO NOTHING""")
                .bind("villages", p.villageCodes().toArray(String[]::new)).bind("subject", p.subject())
                .fetch().rowsUpdated())
            .thenReturn(1L));
  }

  private Mono<Void> team(DemoData data) {
    var subjects = data.commissioners().stream().map(DemoPerson::subject).toArray(String[]::new);
    var team = Ids.newId();
    return database.sql("SELECT count(*) AS n FROM commissioner_teams WHERE name = :name").bind("name", data.team().name())
        .map(row -> row.get("n", Long.class)).one()
        .flatMap(n -> n > 0 ? Mono.<Void>empty() : database.sql("""
                INSERT INTO commissioner_teams (id, name, region_code, focus, leader_id, created_by)
                SELECT :id, :name, :region, :focus, id, 'system:demo-data' FROM commissioners WHERE person_subject = :leader""")
            .bind("id", team).bind("name", data.team().name()).bind("region", data.team().regionCode())
            .bind("focus", data.team().focus()).bind("leader", subjects[0]).fetch().rowsUpdated()
            .then(database.sql("""
                    INSERT INTO commissioner_team_members (team_id, commissioner_id)
                    SELECT :team, id FROM commissioners WHERE person_subject = ANY (:subjects)""")
                .bind("team", team).bind("subjects", subjects).fetch().rowsUpdated())
            .then(database.sql("""
                    INSERT INTO commissioner_demonstration_bases (id, name, region_code, village_code, team_id, established_on, created_by)
                    VALUES (:id, :name, :region, :village, :team, :on, 'system:demo-data')""")
                .bind("id", Ids.newId()).bind("name", data.base().name()).bind("region", data.base().regionCode())
                .bind("village", data.base().villageCode()).bind("team", team).bind("on", data.base().establishedOn())
                .fetch().rowsUpdated())
            .then()
            .as(transaction::transactional));
  }
}
