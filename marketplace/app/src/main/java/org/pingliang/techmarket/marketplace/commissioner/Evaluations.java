package org.pingliang.techmarket.marketplace.commissioner;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Annual evaluation (年度考核): served organisations give feedback, the bureau grades 优秀/称职/不称职
 * within the 优秀 quota of the year and managing region; 不称职 exits the commissioner (an honest
 * failure, never a ban); the dispatching unit reads its people's results.
 */
@Service
class Evaluations {

  /** The region's commissioners in the year's evaluation: active now, or already graded for the year. */
  private static final String BASE = """
      SELECT count(*) AS n FROM commissioners c WHERE c.region_code = :region AND (
        (""" + Roster.ACTIVE + """
      ) OR EXISTS (SELECT 1 FROM commissioner_evaluations ev WHERE ev.commissioner_id = c.id AND ev.year = :year))""";

  private final DatabaseClient database;
  private final Organisations organisations;
  private final Roster roster;
  private final ExcellenceQuota quota;
  private final TransactionalOperator transaction;
  private final Clock clock;

  Evaluations(DatabaseClient database, Organisations organisations, Roster roster, CommissionerProperties properties,
      TransactionalOperator transaction, Clock clock) {
    this.database = database;
    this.organisations = organisations;
    this.roster = roster;
    this.quota = new ExcellenceQuota(properties.excellentQuotaPercent());
    this.transaction = transaction;
    this.clock = clock;
  }

  record Feedback(UUID organisationId, String organisationName, Forms.Rating rating, String comment, Instant givenAt) {}

  record Item(UUID commissionerId, String name, CommissionerType type, String employerName, String standing,
      Forms.Grade grade, String comment, List<Feedback> feedback) {}

  /** The year's evaluation of one region: base n, the 优秀 cap, how many are given, and each commissioner. */
  record Overview(int year, String regionCode, int quotaPercent, long base, int excellentCap, long excellentGiven,
      List<Item> items) {}

  record Result(UUID commissionerId, String name, int year, Forms.Grade grade, String comment, String standing) {}

  Mono<Void> feedback(Actor actor, Forms.FeedbackForm form) {
    return organisations.roleOf(form.organisationId(), actor.subject())
        .filter(role -> role.mayEditListings())
        .switchIfEmpty(Mono.error(CommissionerProblems.forbidden("commissioner.served-only")))
        .then(database.sql("""
                SELECT EXISTS (SELECT 1 FROM commissioner_service_records WHERE commissioner_id = :commissioner
                  AND served_organisation_id = :organisation AND status = 'CONFIRMED'
                  AND extract(year FROM served_on) = :year) AS served""")
            .bind("commissioner", form.commissionerId()).bind("organisation", form.organisationId())
            .bind("year", form.year()).map(row -> row.get("served", Boolean.class)).one())
        .flatMap(served -> served ? Mono.<Void>empty()
            : Mono.error(CommissionerProblems.rule("commissioner.no-service-in-year")))
        .then(Mono.defer(() -> {
          var spec = database.sql("""
                  INSERT INTO commissioner_evaluation_feedback (year, commissioner_id, organisation_id, rating, comment, given_by)
                  VALUES (:year, :commissioner, :organisation, :rating, :comment, :by)""")
              .bind("year", form.year()).bind("commissioner", form.commissionerId())
              .bind("organisation", form.organisationId()).bind("rating", form.rating().name())
              .bind("by", actor.subject());
          spec = form.comment() == null ? spec.bindNull("comment", String.class) : spec.bind("comment", form.comment().strip());
          return spec.fetch().rowsUpdated().then();
        }))
        .onErrorMap(DataIntegrityViolationException.class,
            error -> CommissionerProblems.conflict("commissioner.feedback-given"));
  }

  Mono<Overview> overview(int year, String region) {
    if (!Counties.known(region)) {
      return Mono.error(CommissionerProblems.invalid("regionCode", "invalid-value"));
    }
    var counts = base(year, region).zipWith(excellent(year, region));
    var items = database.sql("""
            SELECT c.id, c.name, c.type, c.standing, e.name AS employer_name, ev.grade, ev.comment FROM commissioners c
            JOIN organisations e ON e.id = c.employer_id
            LEFT JOIN commissioner_evaluations ev ON ev.commissioner_id = c.id AND ev.year = :year
            WHERE c.region_code = :region AND ((""" + Roster.ACTIVE + ") OR ev.grade IS NOT NULL) ORDER BY c.name LIMIT 500")
        .bind("year", year).bind("region", region)
        .map(row -> new Item(row.get("id", UUID.class), row.get("name", String.class),
            CommissionerType.valueOf(row.get("type", String.class)), row.get("employer_name", String.class),
            row.get("standing", String.class),
            row.get("grade", String.class) == null ? null : Forms.Grade.valueOf(row.get("grade", String.class)),
            row.get("comment", String.class), List.of()))
        .all()
        .concatMap(item -> feedbackOf(year, item.commissionerId()).map(feedback -> new Item(item.commissionerId(),
            item.name(), item.type(), item.employerName(), item.standing(), item.grade(), item.comment(), feedback)))
        .collectList();
    return counts.zipWith(items).map(t -> new Overview(year, region, quota.percent(), t.getT1().getT1(),
        quota.cap(t.getT1().getT1()), t.getT1().getT2(), t.getT2()));
  }

  private Mono<List<Feedback>> feedbackOf(int year, UUID commissioner) {
    return database.sql("""
            SELECT f.*, o.name AS organisation_name FROM commissioner_evaluation_feedback f
            JOIN organisations o ON o.id = f.organisation_id WHERE f.year = :year AND f.commissioner_id = :id""")
        .bind("year", year).bind("id", commissioner)
        .map(row -> new Feedback(row.get("organisation_id", UUID.class), row.get("organisation_name", String.class),
            Forms.Rating.valueOf(row.get("rating", String.class)), row.get("comment", String.class),
            row.get("created_at", Instant.class)))
        .all().collectList();
  }

  private Mono<Long> base(int year, String region) {
    return database.sql(BASE).bind("year", year).bind("region", region).map(row -> row.get("n", Long.class)).one();
  }

  private Mono<Long> excellent(int year, String region) {
    return database.sql("""
            SELECT count(*) AS n FROM commissioner_evaluations WHERE year = :year AND region_code = :region
              AND grade = 'EXCELLENT'""")
        .bind("year", year).bind("region", region).map(row -> row.get("n", Long.class)).one();
  }

  /**
   * Grades one commissioner for a year, once. One grading per region and year at a time (advisory
   * lock), so two concurrent 优秀 cannot both take the last place under the cap.
   */
  Mono<Result> grade(Actor actor, Forms.EvaluationForm form) {
    var by = actor.username() == null ? actor.subject() : actor.username();
    return database.sql("SELECT region_code, standing FROM commissioners WHERE id = :id").bind("id", form.commissionerId())
        .map(row -> new String[] {row.get("region_code", String.class), row.get("standing", String.class)}).one()
        .switchIfEmpty(Mono.error(CommissionerProblems.notFound()))
        .flatMap(found -> {
          var region = found[0];
          var lock = database.sql("SELECT pg_advisory_xact_lock(hashtext(:key)) AS locked")
              .bind("key", "commissioner-evaluation:" + form.year() + ":" + region).fetch().all().then();
          Mono<Void> graded = database.sql("""
                  SELECT EXISTS (SELECT 1 FROM commissioner_evaluations WHERE year = :year AND commissioner_id = :id) AS done""")
              .bind("year", form.year()).bind("id", form.commissionerId()).map(row -> row.get("done", Boolean.class)).one()
              .flatMap(done -> done ? Mono.error(CommissionerProblems.conflict("commissioner.already-evaluated"))
                  : "SELECTED".equals(found[1]) ? Mono.<Void>empty()
                  : Mono.error(CommissionerProblems.conflict("commissioner.not-active")));
          Mono<Void> withinQuota = form.grade() != Forms.Grade.EXCELLENT ? Mono.empty()
              : base(form.year(), region).zipWith(excellent(form.year(), region)).flatMap(counts ->
                  quota.allowsAnother(counts.getT1(), counts.getT2()) ? Mono.<Void>empty()
                      : Mono.error(CommissionerProblems.rule("commissioner.excellent-quota-exceeded",
                          quota.cap(counts.getT1()), counts.getT1(), quota.percent())));
          var spec = database.sql("""
                  INSERT INTO commissioner_evaluations (year, commissioner_id, region_code, grade, comment, decided_by, decided_at)
                  VALUES (:year, :id, :region, :grade, :comment, :by, :now)""")
              .bind("year", form.year()).bind("id", form.commissionerId()).bind("region", region)
              .bind("grade", form.grade().name()).bind("by", by).bind("now", clock.instant());
          var insert = (form.comment() == null ? spec.bindNull("comment", String.class)
              : spec.bind("comment", form.comment().strip())).fetch().rowsUpdated();
          Mono<Long> exit = form.grade() == Forms.Grade.INCOMPETENT
              ? roster.exit(form.commissionerId(), "不称职（" + form.year() + "年度考核）") : Mono.just(0L);
          return lock.then(graded).then(withinQuota).then(insert).then(exit).as(transaction::transactional);
        })
        .then(results("c.id = :id", form.commissionerId(), form.year()).next());
  }

  /** Results of the commissioners an organisation dispatched, for its members and ADMIN. */
  reactor.core.publisher.Flux<Result> dispatched(Actor actor, UUID employer, Integer year) {
    Mono<Boolean> allowed = actor.isAdmin() ? Mono.just(true)
        : organisations.roleOf(employer, actor.subject()).hasElement();
    return allowed.flatMapMany(ok -> ok ? results("c.employer_id = :id", employer, year)
        : reactor.core.publisher.Flux.error(CommissionerProblems.forbidden("commissioner.employer-only")));
  }

  private reactor.core.publisher.Flux<Result> results(String where, UUID id, Integer year) {
    var sql = """
        SELECT c.id, c.name, c.standing, ev.year, ev.grade, ev.comment FROM commissioners c
        JOIN commissioner_evaluations ev ON ev.commissioner_id = c.id WHERE\s""" + where
        + (year == null ? "" : " AND ev.year = :year") + " ORDER BY ev.year DESC, c.name";
    var spec = database.sql(sql).bind("id", id);
    spec = year == null ? spec : spec.bind("year", year);
    return spec.map(row -> new Result(row.get("id", UUID.class), row.get("name", String.class),
        row.get("year", Integer.class), Forms.Grade.valueOf(row.get("grade", String.class)),
        row.get("comment", String.class), row.get("standing", String.class))).all();
  }
}
