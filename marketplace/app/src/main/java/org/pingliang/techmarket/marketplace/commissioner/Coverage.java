package org.pingliang.techmarket.marketplace.commissioner;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Coverage of villages by active commissioners, teams and demonstration bases, and the public
 * statistics against the city's targets (平政办发〔2017〕66号: ≥1200 in total, ≥50 new a year, ≥1 per
 * poor village, ≥50 teams, ≥20 demonstration bases).
 */
@Service
class Coverage {

  private final DatabaseClient database;
  private final CommissionerProperties properties;
  private final TransactionalOperator transaction;
  private final Clock clock;

  Coverage(DatabaseClient database, CommissionerProperties properties, TransactionalOperator transaction, Clock clock) {
    this.database = database;
    this.properties = properties;
    this.transaction = transaction;
    this.clock = clock;
  }

  record VillageView(String code, String name, String township, String countyCode, boolean poor,
      long activeCommissioners) {}

  record TeamView(UUID id, String name, String regionCode, String focus, UUID leaderId, List<Member> members,
      Instant createdAt) {}

  record Member(UUID id, String name, boolean active) {}

  record BaseView(UUID id, String name, String regionCode, String villageCode, UUID teamId, LocalDate establishedOn) {}

  record Target(long target, long actual, boolean met) {}

  record CountyCoverage(String regionCode, String name, long commissioners, long villages, long villagesCovered,
      long poorVillages, long poorVillagesCovered) {}

  record Statistics(int year, long active, Map<String, Long> byType, long threeRegionsTalents, long newThisYear,
      long teams, long demonstrationBases, long villages, long villagesCovered, long poorVillages,
      long poorVillagesCovered, Target totalTarget, Target newPerYearTarget, Target teamsTarget,
      Target demonstrationBasesTarget, Target poorVillageTarget, List<CountyCoverage> counties) {}

  Flux<VillageView> villages(String county) {
    var sql = """
        SELECT v.*, (SELECT count(*) FROM commissioner_villages cv JOIN commissioners c ON c.id = cv.commissioner_id
          WHERE cv.village_code = v.code AND\s""" + Roster.ACTIVE + ") AS active FROM villages v"
        + (county == null ? "" : " WHERE v.county_code = :county") + " ORDER BY v.code LIMIT 2000";
    var spec = database.sql(sql);
    spec = county == null ? spec : spec.bind("county", county);
    return spec.map(row -> new VillageView(row.get("code", String.class), row.get("name", String.class),
        row.get("township", String.class), row.get("county_code", String.class),
        Boolean.TRUE.equals(row.get("poor", Boolean.class)), row.get("active", Long.class))).all();
  }

  Mono<Statistics> statistics(int year) {
    var active = database.sql("SELECT c.type, c.three_regions_talent, c.region_code, c.selected_at FROM commissioners c WHERE "
            + Roster.ACTIVE)
        .map(row -> new Object[] {row.get("type", String.class), row.get("three_regions_talent", Boolean.class),
            row.get("region_code", String.class), row.get("selected_at", Instant.class)})
        .all().collectList();
    var newInYear = database.sql("""
            SELECT count(*) AS n FROM commissioners WHERE extract(year FROM selected_at AT TIME ZONE 'Asia/Shanghai') = :year""")
        .bind("year", year).map(row -> row.get("n", Long.class)).one();
    var teams = count("SELECT count(*) AS n FROM commissioner_teams");
    var bases = count("SELECT count(*) AS n FROM commissioner_demonstration_bases");
    var villages = villages(null).collectList();
    return Mono.zip(active, newInYear, teams, bases, villages).map(t -> {
      var rows = t.getT1();
      var byType = new java.util.LinkedHashMap<String, Long>();
      for (var type : CommissionerType.values()) {
        byType.put(type.name(), rows.stream().filter(r -> type.name().equals(r[0])).count());
      }
      var talents = rows.stream().filter(r -> Boolean.TRUE.equals(r[1])).count();
      var all = t.getT5();
      var covered = all.stream().filter(v -> v.activeCommissioners() > 0).count();
      var poor = all.stream().filter(VillageView::poor).count();
      var poorCovered = all.stream().filter(v -> v.poor() && v.activeCommissioners() > 0).count();
      var counties = Counties.ORDER.stream().map(code -> new CountyCoverage(code, Counties.name(code),
          rows.stream().filter(r -> code.equals(r[2])).count(),
          all.stream().filter(v -> code.equals(v.countyCode())).count(),
          all.stream().filter(v -> code.equals(v.countyCode()) && v.activeCommissioners() > 0).count(),
          all.stream().filter(v -> code.equals(v.countyCode()) && v.poor()).count(),
          all.stream().filter(v -> code.equals(v.countyCode()) && v.poor() && v.activeCommissioners() > 0).count()))
          .toList();
      return new Statistics(year, rows.size(), byType, talents, t.getT2(), t.getT3(), t.getT4(), all.size(), covered,
          poor, poorCovered, target(properties.targetTotal(), rows.size()), target(properties.targetNewPerYear(), t.getT2()),
          target(properties.targetTeams(), t.getT3()), target(properties.targetDemonstrationBases(), t.getT4()),
          // ≥ 1 commissioner in every poor village: the target is the number of poor villages.
          target(poor, poorCovered), counties);
    });
  }

  private static Target target(long target, long actual) {
    return new Target(target, actual, actual >= target);
  }

  private Mono<Long> count(String sql) {
    return database.sql(sql).map(row -> row.get("n", Long.class)).one();
  }

  /** A team of at least 3 distinct active commissioners, the leader among them. */
  Mono<TeamView> createTeam(Actor actor, Forms.TeamForm form) {
    if (!Counties.known(form.regionCode())) {
      return Mono.error(CommissionerProblems.invalid("regionCode", "invalid-value"));
    }
    var members = new HashSet<>(form.memberIds());
    members.add(form.leaderId());
    if (members.size() < 3) {
      return Mono.error(CommissionerProblems.rule("commissioner.team-too-small", members.size()));
    }
    var id = Ids.newId();
    var ids = members.stream().sorted().toArray(UUID[]::new);
    return database.sql("SELECT count(*) AS n FROM commissioners c WHERE c.id = ANY (:ids) AND " + Roster.ACTIVE)
        .bind("ids", ids).map(row -> row.get("n", Long.class)).one()
        .flatMap(n -> n == ids.length ? Mono.<Void>empty()
            : Mono.error(CommissionerProblems.rule("commissioner.team-member-inactive")))
        .then(database.sql("""
                INSERT INTO commissioner_teams (id, name, region_code, focus, leader_id, created_by)
                VALUES (:id, :name, :region, :focus, :leader, :by)""")
            .bind("id", id).bind("name", form.name().strip()).bind("region", form.regionCode())
            .bind("focus", form.focus().strip()).bind("leader", form.leaderId()).bind("by", actor.subject())
            .fetch().rowsUpdated())
        .thenMany(Flux.fromArray(ids).concatMap(member -> database.sql(
                "INSERT INTO commissioner_team_members (team_id, commissioner_id) VALUES (:team, :member)")
            .bind("team", id).bind("member", member).fetch().rowsUpdated()))
        .then()
        .as(transaction::transactional)
        .then(teams().filter(team -> team.id().equals(id)).next());
  }

  Flux<TeamView> teams() {
    return database.sql("SELECT * FROM commissioner_teams ORDER BY created_at DESC LIMIT 500")
        .map(row -> new TeamView(row.get("id", UUID.class), row.get("name", String.class),
            row.get("region_code", String.class), row.get("focus", String.class), row.get("leader_id", UUID.class),
            List.of(), row.get("created_at", Instant.class)))
        .all()
        .concatMap(team -> database.sql("""
                SELECT c.id, c.name, (""" + Roster.ACTIVE + """
                ) AS active FROM commissioner_team_members m JOIN commissioners c ON c.id = m.commissioner_id
                WHERE m.team_id = :team ORDER BY c.name""")
            .bind("team", team.id())
            .map(row -> new Member(row.get("id", UUID.class), row.get("name", String.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class))))
            .all()
            // Removed (misconduct) members disappear from the public team list.
            .filter(Member::active)
            .collectList()
            .map(members -> new TeamView(team.id(), team.name(), team.regionCode(), team.focus(), team.leaderId(), members,
                team.createdAt())));
  }

  Mono<BaseView> createBase(Actor actor, Forms.BaseForm form) {
    if (!Counties.known(form.regionCode())) {
      return Mono.error(CommissionerProblems.invalid("regionCode", "invalid-value"));
    }
    var id = Ids.newId();
    Mono<Void> team = form.teamId() == null ? Mono.empty()
        : database.sql("SELECT count(*) AS n FROM commissioner_teams WHERE id = :id").bind("id", form.teamId())
            .map(row -> row.get("n", Long.class)).one()
            .flatMap(n -> n == 1 ? Mono.<Void>empty() : Mono.error(CommissionerProblems.invalid("teamId", "invalid-value")));
    var spec = database.sql("""
            INSERT INTO commissioner_demonstration_bases (id, name, region_code, village_code, team_id, established_on, created_by)
            VALUES (:id, :name, :region, :village, :team, :on, :by)""")
        .bind("id", id).bind("name", form.name().strip()).bind("region", form.regionCode())
        .bind("on", form.establishedOn()).bind("by", actor.subject());
    spec = form.villageCode() == null ? spec.bindNull("village", String.class) : spec.bind("village", form.villageCode());
    spec = form.teamId() == null ? spec.bindNull("team", UUID.class) : spec.bind("team", form.teamId());
    var insert = spec.fetch().rowsUpdated();
    return team.then(Villages.requireKnown(database, form.villageCode() == null ? List.of() : List.of(form.villageCode())))
        .then(insert).then(bases().filter(b -> b.id().equals(id)).next());
  }

  Flux<BaseView> bases() {
    return database.sql("SELECT * FROM commissioner_demonstration_bases ORDER BY established_on DESC, id LIMIT 500")
        .map(row -> new BaseView(row.get("id", UUID.class), row.get("name", String.class),
            row.get("region_code", String.class), row.get("village_code", String.class), row.get("team_id", UUID.class),
            row.get("established_on", LocalDate.class)))
        .all();
  }

  int thisYear() {
    return LocalDate.now(clock.withZone(Selection.CHINA)).getYear();
  }
}
