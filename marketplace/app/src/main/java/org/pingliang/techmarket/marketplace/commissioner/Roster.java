package org.pingliang.techmarket.marketplace.commissioner;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.credit.TradingBans;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The roster of selected commissioners and what happens to them: the public list and notice (公示),
 * the three-party agreement, served villages, resignation, and removal for misconduct (which bans
 * the person through {@link TradingBans}; an honest exit never does).
 */
@Service
class Roster implements CommissionerRoster {

  /** Active: selected, and not on the integrity blacklist (the credit feature may ban people too). */
  static final String ACTIVE = """
      c.standing = 'SELECTED' AND NOT EXISTS (SELECT 1 FROM trading_bans b
        WHERE b.person_subject = c.person_subject AND b.lifted_at IS NULL)""";

  private static final String SELECT = """
      SELECT c.*, e.name AS employer_name, s.name AS served_name FROM commissioners c
      JOIN organisations e ON e.id = c.employer_id LEFT JOIN organisations s ON s.id = c.served_organisation_id
      """;

  private final DatabaseClient database;
  private final Organisations organisations;
  private final TradingBans bans;
  private final TransactionalOperator transaction;
  private final Clock clock;

  Roster(DatabaseClient database, Organisations organisations, TradingBans bans, TransactionalOperator transaction,
      Clock clock) {
    this.database = database;
    this.organisations = organisations;
    this.bans = bans;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public Mono<Standing> standing(String personSubject) {
    var onRoster = database.sql("SELECT standing FROM commissioners WHERE person_subject = :subject")
        .bind("subject", personSubject).map(row -> Standing.valueOf(row.get("standing", String.class))).one()
        .flatMap(standing -> standing != Standing.SELECTED ? Mono.just(standing)
            : bans.isPersonBanned(personSubject).map(banned -> banned ? Standing.REMOVED : Standing.SELECTED));
    var applied = database.sql("""
            SELECT EXISTS (SELECT 1 FROM commissioner_applications WHERE applicant_subject = :subject
              AND status IN ('AWAITING_CONSENT', 'IN_REVIEW')) AS open""")
        .bind("subject", personSubject).map(row -> row.get("open", Boolean.class)).one()
        .map(open -> open ? Standing.APPLIED : Standing.NONE);
    // An exited person who applies again is APPLIED; a selected or removed one stays what they are.
    return onRoster.flatMap(standing -> standing == Standing.EXITED
            ? applied.map(a -> a == Standing.APPLIED ? a : standing) : Mono.just(standing))
        .switchIfEmpty(applied);
  }

  @Override
  public Mono<Optional<Card>> card(String personSubject) {
    return database.sql(SELECT + " WHERE c.person_subject = :subject AND " + ACTIVE)
        .bind("subject", personSubject)
        .map(row -> new Card(personSubject, row.get("name", String.class), row.get("type", String.class),
            row.get("expertise", String.class), row.get("employer_name", String.class),
            Boolean.TRUE.equals(row.get("three_regions_talent", Boolean.class))))
        .one().map(Optional::of).defaultIfEmpty(Optional.empty());
  }

  Flux<CommissionerView.PublicCard> publicList(CommissionerType type, String region) {
    var sql = SELECT + " WHERE " + ACTIVE + (type == null ? "" : " AND c.type = :type")
        + (region == null ? "" : " AND c.region_code = :region") + " ORDER BY c.selected_at DESC LIMIT 500";
    var spec = database.sql(sql);
    spec = type == null ? spec : spec.bind("type", type.name());
    spec = region == null ? spec : spec.bind("region", region);
    return spec.map(row -> card(row)).all();
  }

  /** The public notice (公示) of the people selected in a year who are still on the list. */
  Flux<CommissionerView.PublicCard> notice(int year) {
    return database.sql(SELECT + " WHERE " + ACTIVE + """
             AND extract(year FROM c.selected_at AT TIME ZONE 'Asia/Shanghai') = :year ORDER BY c.certificate_number""")
        .bind("year", year).map(row -> card(row)).all();
  }

  Mono<CommissionerView> me(Actor actor) {
    return database.sql("SELECT id FROM commissioners WHERE person_subject = :subject").bind("subject", actor.subject())
        .map(row -> row.get("id", UUID.class)).one()
        .switchIfEmpty(Mono.error(CommissionerProblems.notFound()))
        .flatMap(this::view);
  }

  /** The full record for the person, a member of the dispatching unit, or ADMIN; 404 for anyone else. */
  Mono<CommissionerView> visible(Actor actor, UUID id) {
    return subject(id).filterWhen(subject -> actor.isAdmin() || subject.equals(actor.subject()) ? Mono.just(true)
            : employerOf(id).flatMap(employer -> organisations.roleOf(employer, actor.subject()).hasElement()))
        .switchIfEmpty(Mono.error(CommissionerProblems.notFound()))
        .then(view(id));
  }

  Mono<String> subject(UUID id) {
    return database.sql("SELECT person_subject FROM commissioners WHERE id = :id").bind("id", id)
        .map(row -> row.get("person_subject", String.class)).one();
  }

  private Mono<UUID> employerOf(UUID id) {
    return database.sql("SELECT employer_id FROM commissioners WHERE id = :id").bind("id", id)
        .map(row -> row.get("employer_id", UUID.class)).one();
  }

  Mono<CommissionerView> view(UUID id) {
    return database.sql(SELECT + " WHERE c.id = :id").bind("id", id).map(Roster::row).one()
        .switchIfEmpty(Mono.error(CommissionerProblems.notFound()))
        .flatMap(row -> Mono.zip(villages(id), agreements(id), evaluations(id))
            .map(parts -> row.toView(parts.getT1(), parts.getT2(), parts.getT3())));
  }

  private Mono<List<String>> villages(UUID id) {
    return database.sql("SELECT village_code FROM commissioner_villages WHERE commissioner_id = :id ORDER BY village_code")
        .bind("id", id).map(row -> row.get("village_code", String.class)).all().collectList();
  }

  private Mono<List<CommissionerView.Agreement>> agreements(UUID id) {
    return database.sql("""
            SELECT a.*, o.name AS dispatching_name FROM commissioner_agreements a
            JOIN organisations o ON o.id = a.dispatching_unit_id WHERE a.commissioner_id = :id ORDER BY a.created_at""")
        .bind("id", id).map(row -> new CommissionerView.Agreement(row.get("id", UUID.class),
            row.get("managing_unit", String.class),
            new ApplicationView.OrganisationRef(row.get("dispatching_unit_id", UUID.class), row.get("dispatching_name", String.class)),
            row.get("served_unit_name", String.class), row.get("served_organisation_id", UUID.class),
            row.get("signed_on", LocalDate.class), row.get("valid_from", LocalDate.class),
            row.get("valid_until", LocalDate.class), row.get("duties", String.class), row.get("recorded_by", String.class),
            row.get("created_at", Instant.class)))
        .all().collectList();
  }

  private Mono<List<CommissionerView.Evaluation>> evaluations(UUID id) {
    return database.sql("SELECT * FROM commissioner_evaluations WHERE commissioner_id = :id ORDER BY year")
        .bind("id", id).map(row -> new CommissionerView.Evaluation(row.get("year", Integer.class),
            Forms.Grade.valueOf(row.get("grade", String.class)), row.get("comment", String.class),
            row.get("decided_by", String.class), row.get("decided_at", Instant.class)))
        .all().collectList();
  }

  /** The person leaves of their own accord (an honest exit, EXITED). */
  Mono<CommissionerView> resign(Actor actor, UUID id) {
    return subject(id).filter(actor.subject()::equals).switchIfEmpty(Mono.error(CommissionerProblems.notFound()))
        .then(exit(id, "resigned"))
        .flatMap(rows -> rows == 0 ? Mono.error(CommissionerProblems.conflict("commissioner.not-active")) : view(id));
  }

  /** Exits a selected commissioner (不称职 or resignation); joins the caller's transaction. */
  Mono<Long> exit(UUID id, String reason) {
    return database.sql("""
            UPDATE commissioners SET standing = 'EXITED', exited_at = :now, exit_reason = :reason, updated_at = now(),
              version = version + 1 WHERE id = :id AND standing = 'SELECTED'""")
        .bind("now", clock.instant()).bind("reason", reason).bind("id", id).fetch().rowsUpdated();
  }

  /** Removal for misconduct (渎职失职): REMOVED and on the integrity blacklist, in one transaction. */
  Mono<CommissionerView> remove(Actor actor, UUID id, String reason) {
    var by = actor.username() == null ? actor.subject() : actor.username();
    return subject(id).switchIfEmpty(Mono.error(CommissionerProblems.notFound()))
        .flatMap(subject -> database.sql("""
                UPDATE commissioners SET standing = 'REMOVED', removed_at = :now, removed_by = :by, removal_reason = :reason,
                  updated_at = now(), version = version + 1 WHERE id = :id AND standing <> 'REMOVED'""")
            .bind("now", clock.instant()).bind("by", by).bind("reason", reason.strip()).bind("id", id)
            .fetch().rowsUpdated()
            .flatMap(rows -> rows == 0 ? Mono.error(CommissionerProblems.conflict("commissioner.already-removed"))
                : bans.ban(null, subject, "科技特派员失信：" + reason.strip(), by))
            .as(transaction::transactional))
        .then(view(id));
  }

  Mono<CommissionerView> recordAgreement(Actor actor, UUID id, Forms.AgreementForm form) {
    if (form.validUntil().isBefore(form.validFrom())) {
      return Mono.error(CommissionerProblems.invalid("validUntil", "invalid-value"));
    }
    return database.sql("SELECT employer_id, region_code, standing FROM commissioners WHERE id = :id").bind("id", id)
        .map(row -> new Object[] {row.get("employer_id", UUID.class), row.get("region_code", String.class),
            row.get("standing", String.class)})
        .one().switchIfEmpty(Mono.error(CommissionerProblems.notFound()))
        .flatMap(row -> {
          if (!"SELECTED".equals(row[2])) {
            return Mono.<CommissionerView>error(CommissionerProblems.conflict("commissioner.not-active"));
          }
          Mono<Void> served = form.servedOrganisationId() == null ? Mono.empty()
              : organisations.find(form.servedOrganisationId())
                  .switchIfEmpty(Mono.error(CommissionerProblems.invalid("servedOrganisationId", "invalid-value"))).then();
          var spec = database.sql("""
                  INSERT INTO commissioner_agreements (id, commissioner_id, managing_unit, dispatching_unit_id,
                    served_unit_name, served_organisation_id, signed_on, valid_from, valid_until, duties, recorded_by)
                  VALUES (:id, :commissioner, :managing, :dispatching, :served, :servedOrganisation, :signedOn, :from,
                    :until, :duties, :by)""")
              .bind("id", Ids.newId()).bind("commissioner", id).bind("managing", Counties.managingUnit((String) row[1]))
              .bind("dispatching", row[0]).bind("served", form.servedUnitName().strip())
              .bind("signedOn", form.signedOn()).bind("from", form.validFrom()).bind("until", form.validUntil())
              .bind("duties", form.duties().strip()).bind("by", actor.username() == null ? actor.subject() : actor.username());
          spec = form.servedOrganisationId() == null ? spec.bindNull("servedOrganisation", UUID.class)
              : spec.bind("servedOrganisation", form.servedOrganisationId());
          return served.then(spec.fetch().rowsUpdated()).then(view(id));
        });
  }

  Mono<CommissionerView> assignVillages(UUID id, List<String> codes) {
    var distinct = codes.stream().distinct().sorted().toList();
    return subject(id).switchIfEmpty(Mono.error(CommissionerProblems.notFound()))
        .then(Villages.requireKnown(database, distinct))
        .then(database.sql("DELETE FROM commissioner_villages WHERE commissioner_id = :id").bind("id", id)
            .fetch().rowsUpdated())
        .thenMany(Flux.fromIterable(distinct).concatMap(code -> database.sql(
                "INSERT INTO commissioner_villages (commissioner_id, village_code) VALUES (:id, :code)")
            .bind("id", id).bind("code", code).fetch().rowsUpdated()))
        .then()
        .as(transaction::transactional)
        .then(view(id));
  }

  static CommissionerView.PublicCard card(Readable row) {
    return new CommissionerView.PublicCard(row.get("id", UUID.class), row.get("name", String.class),
        CommissionerType.valueOf(row.get("type", String.class)), row.get("expertise", String.class),
        row.get("employer_name", String.class), row.get("region_code", String.class),
        Boolean.TRUE.equals(row.get("three_regions_talent", Boolean.class)), row.get("selected_at", Instant.class),
        row.get("certificate_number", String.class));
  }

  /** One row of the commissioners table, before its villages, agreements and evaluations are added. */
  record Row(UUID id, String name, CommissionerType type, String expertise, ApplicationView.OrganisationRef employer,
      ApplicationView.OrganisationRef served, String servedUnitName, String regionCode, boolean talent, Standing standing,
      Instant selectedAt, String certificateNumber, Instant exitedAt, String exitReason, Instant removedAt,
      String removalReason, long version) {

    CommissionerView toView(List<String> villages, List<CommissionerView.Agreement> agreements,
        List<CommissionerView.Evaluation> evaluations) {
      return new CommissionerView(id, name, type, expertise, employer, served, servedUnitName, regionCode, talent, standing,
          selectedAt, certificateNumber, exitedAt, exitReason, removedAt, removalReason, villages, agreements, evaluations,
          version);
    }
  }

  static Row row(Readable row) {
    var served = row.get("served_organisation_id", UUID.class);
    return new Row(row.get("id", UUID.class), row.get("name", String.class),
        CommissionerType.valueOf(row.get("type", String.class)), row.get("expertise", String.class),
        new ApplicationView.OrganisationRef(row.get("employer_id", UUID.class), row.get("employer_name", String.class)),
        served == null ? null : new ApplicationView.OrganisationRef(served, row.get("served_name", String.class)),
        row.get("served_unit_name", String.class), row.get("region_code", String.class),
        Boolean.TRUE.equals(row.get("three_regions_talent", Boolean.class)),
        Standing.valueOf(row.get("standing", String.class)), row.get("selected_at", Instant.class),
        row.get("certificate_number", String.class), row.get("exited_at", Instant.class),
        row.get("exit_reason", String.class), row.get("removed_at", Instant.class), row.get("removal_reason", String.class),
        row.get("version", Long.class));
  }
}
