package org.pingliang.techmarket.marketplace.commissioner;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.credit.TradingBans;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.organisation.MemberRole;
import org.pingliang.techmarket.marketplace.organisation.OrganisationKind;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Selection (选派): a person applies, the employer consents (and the served enterprise, two-way
 * selection), the bureau decides with HR's opinion; an approval puts the person on the roster with an
 * appointment-letter number and the villages they serve.
 */
@Service
class Selection {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private static final String SELECT = """
      SELECT a.*, e.name AS employer_name, s.name AS served_name, c.id AS commissioner_id
      FROM commissioner_applications a
      JOIN organisations e ON e.id = a.employer_id
      LEFT JOIN organisations s ON s.id = a.served_organisation_id
      LEFT JOIN commissioners c ON c.application_id = a.id
      """;

  private final DatabaseClient database;
  private final Organisations organisations;
  private final TradingBans bans;
  private final Roster roster;
  private final TransactionalOperator transaction;
  private final Clock clock;

  Selection(DatabaseClient database, Organisations organisations, TradingBans bans, Roster roster,
      TransactionalOperator transaction, Clock clock) {
    this.database = database;
    this.organisations = organisations;
    this.bans = bans;
    this.roster = roster;
    this.transaction = transaction;
    this.clock = clock;
  }

  Mono<ApplicationView> apply(Actor actor, Forms.ApplicationForm form) {
    return validate(actor, form)
        .then(bans.requirePersonAllowed(actor.subject()))
        .then(roster.standing(actor.subject()))
        .flatMap(standing -> switch (standing) {
          case SELECTED -> Mono.error(CommissionerProblems.conflict("commissioner.already-selected"));
          case REMOVED -> Mono.error(CommissionerProblems.forbidden("commissioner.removed"));
          case APPLIED -> Mono.error(CommissionerProblems.conflict("commissioner.application-open"));
          default -> insert(actor, form);
        })
        .onErrorMap(DataIntegrityViolationException.class,
            error -> CommissionerProblems.conflict("commissioner.application-open"));
  }

  private Mono<Void> validate(Actor actor, Forms.ApplicationForm form) {
    if (!Counties.known(form.regionCode())) {
      return Mono.error(CommissionerProblems.invalid("regionCode", "invalid-value"));
    }
    boolean enterprise = form.type() == CommissionerType.ENTERPRISE;
    if (enterprise && form.servedOrganisationId() == null) {
      return Mono.error(CommissionerProblems.invalid("servedOrganisationId", "required"));
    }
    if (!enterprise && form.servedOrganisationId() != null) {
      return Mono.error(CommissionerProblems.invalid("servedOrganisationId", "invalid-value"));
    }
    Mono<Void> served = !enterprise ? Mono.empty() : organisations.find(form.servedOrganisationId())
        .filter(o -> o.kind() == OrganisationKind.ENTERPRISE)
        .switchIfEmpty(Mono.error(CommissionerProblems.invalid("servedOrganisationId", "invalid-value")))
        .then();
    return organisations.find(form.employerId())
        .switchIfEmpty(Mono.error(CommissionerProblems.invalid("employerId", "invalid-value")))
        .then(organisations.roleOf(form.employerId(), actor.subject()))
        .switchIfEmpty(Mono.error(CommissionerProblems.rule("commissioner.not-employee")))
        .then(served)
        .then(Villages.requireKnown(database, villageCodes(form.villageCodes())));
  }

  private Mono<ApplicationView> insert(Actor actor, Forms.ApplicationForm form) {
    var id = Ids.newId();
    var spec = database.sql("""
            INSERT INTO commissioner_applications (id, applicant_subject, name, type, profile, expertise, employer_id,
              served_organisation_id, served_unit_name, region_code, village_codes, three_regions_talent, status)
            VALUES (:id, :subject, :name, :type, :profile, :expertise, :employer, :served, :servedUnit, :region,
              :villages, :talent, 'AWAITING_CONSENT')""")
        .bind("id", id).bind("subject", actor.subject()).bind("name", form.name().strip())
        .bind("type", form.type().name()).bind("profile", form.profile().strip())
        .bind("expertise", form.expertise().strip()).bind("employer", form.employerId())
        .bind("region", form.regionCode())
        .bind("villages", villageCodes(form.villageCodes()).toArray(String[]::new))
        .bind("talent", Boolean.TRUE.equals(form.threeRegionsTalent()));
    spec = form.servedOrganisationId() == null ? spec.bindNull("served", UUID.class)
        : spec.bind("served", form.servedOrganisationId());
    spec = blank(form.servedUnitName()) ? spec.bindNull("servedUnit", String.class)
        : spec.bind("servedUnit", form.servedUnitName().strip());
    return spec.fetch().rowsUpdated().then(find(id));
  }

  private static List<String> villageCodes(List<String> codes) {
    return codes == null ? List.of() : codes.stream().distinct().sorted().toList();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  Mono<ApplicationView> find(UUID id) {
    return database.sql(SELECT + " WHERE a.id = :id").bind("id", id).map(Selection::view).one();
  }

  /** An application with its applicant's subject, which the view does not show. */
  record Loaded(ApplicationView view, String applicant) {}

  Mono<Loaded> load(UUID id) {
    return database.sql(SELECT + " WHERE a.id = :id").bind("id", id)
        .map(row -> new Loaded(view(row), row.get("applicant_subject", String.class))).one();
  }

  /** The application if the actor may read it: the applicant, a member of the employer or served enterprise, ADMIN. */
  Mono<ApplicationView> visible(Actor actor, UUID id) {
    return load(id).filterWhen(loaded -> mayRead(actor, loaded)).map(Loaded::view)
        .switchIfEmpty(Mono.error(CommissionerProblems.notFound()));
  }

  private Mono<Boolean> mayRead(Actor actor, Loaded loaded) {
    var view = loaded.view();
    if (actor.isAdmin() || actor.subject().equals(loaded.applicant())) {
      return Mono.just(true);
    }
    var employer = organisations.roleOf(view.employer().id(), actor.subject()).hasElement();
    if (view.servedOrganisation() == null) {
      return employer;
    }
    return employer.zipWith(organisations.roleOf(view.servedOrganisation().id(), actor.subject()).hasElement(),
        Boolean::logicalOr);
  }

  Flux<ApplicationView> mine(Actor actor) {
    return database.sql(SELECT + " WHERE a.applicant_subject = :subject ORDER BY a.created_at DESC LIMIT 50")
        .bind("subject", actor.subject()).map(Selection::view).all();
  }

  Flux<ApplicationView> consentRequests(Actor actor) {
    return database.sql(SELECT + """
             WHERE a.status = 'AWAITING_CONSENT' AND (
               (a.employer_consent IS NULL AND EXISTS (SELECT 1 FROM organisation_members m
                  WHERE m.organisation_id = a.employer_id AND m.subject = :subject AND m.role = 'OWNER'))
               OR (a.type = 'ENTERPRISE' AND a.enterprise_consent IS NULL AND EXISTS (SELECT 1 FROM organisation_members m
                  WHERE m.organisation_id = a.served_organisation_id AND m.subject = :subject AND m.role = 'OWNER')))
             ORDER BY a.created_at LIMIT 100""")
        .bind("subject", actor.subject()).map(Selection::view).all();
  }

  Flux<ApplicationView> queue(ApplicationStatus status) {
    return database.sql(SELECT + " WHERE a.status = :status ORDER BY a.created_at LIMIT 200")
        .bind("status", status.name()).map(Selection::view).all();
  }

  Mono<ApplicationView> withdraw(Actor actor, UUID id) {
    return subjectOf(id).flatMap(subject -> {
      if (!subject.equals(actor.subject())) {
        return Mono.<ApplicationView>error(CommissionerProblems.notFound());
      }
      return database.sql("""
              UPDATE commissioner_applications SET status = 'WITHDRAWN', updated_at = now(), version = version + 1
              WHERE id = :id AND status IN ('AWAITING_CONSENT', 'IN_REVIEW')""")
          .bind("id", id).fetch().rowsUpdated()
          .flatMap(rows -> rows == 0 ? Mono.error(CommissionerProblems.conflict("commissioner.application-closed"))
              : find(id));
    });
  }

  private Mono<String> subjectOf(UUID id) {
    return database.sql("SELECT applicant_subject FROM commissioner_applications WHERE id = :id").bind("id", id)
        .map(row -> row.get("applicant_subject", String.class)).one()
        .switchIfEmpty(Mono.error(CommissionerProblems.notFound()));
  }

  /** The employer's (enterprise = false) or the served enterprise's (true) answer, by an OWNER of it. */
  Mono<ApplicationView> consent(Actor actor, UUID id, boolean enterprise, Forms.ConsentForm form) {
    return visible(actor, id).flatMap(view -> {
      var organisation = enterprise ? view.servedOrganisation() : view.employer();
      if (organisation == null) {
        return Mono.error(CommissionerProblems.conflict("commissioner.no-enterprise-consent-needed"));
      }
      return organisations.roleOf(organisation.id(), actor.subject())
          .filter(role -> role == MemberRole.OWNER)
          .switchIfEmpty(Mono.error(CommissionerProblems.forbidden("commissioner.owner-only")))
          .then(recordConsent(actor, view, enterprise, form));
    });
  }

  private Mono<ApplicationView> recordConsent(Actor actor, ApplicationView view, boolean enterprise,
      Forms.ConsentForm form) {
    var column = enterprise ? "enterprise_consent" : "employer_consent";
    var other = enterprise ? "employer_consent" : "enterprise_consent";
    var otherDone = enterprise ? "employer_consent = 'GIVEN'" : "(type <> 'ENTERPRISE' OR enterprise_consent = 'GIVEN')";
    var answer = form.consent() ? "GIVEN" : "REFUSED";
    var spec = database.sql("UPDATE commissioner_applications SET " + column + " = :answer, " + column + "_by = :by, "
            + column + "_at = :now, " + column + "_note = :note, status = CASE WHEN :answer = 'REFUSED' THEN 'CONSENT_REFUSED'"
            + " WHEN " + otherDone + " THEN 'IN_REVIEW' ELSE 'AWAITING_CONSENT' END, updated_at = now(), version = version + 1"
            + " WHERE id = :id AND status = 'AWAITING_CONSENT' AND " + column + " IS NULL AND " + other + " IS DISTINCT FROM 'REFUSED'")
        .bind("answer", answer).bind("by", actor.username() == null ? actor.subject() : actor.username())
        .bind("now", clock.instant()).bind("id", view.id());
    spec = blank(form.note()) ? spec.bindNull("note", String.class) : spec.bind("note", form.note().strip());
    return spec.fetch().rowsUpdated()
        .flatMap(rows -> rows == 0 ? Mono.error(CommissionerProblems.conflict("commissioner.consent-not-open"))
            : find(view.id()));
  }

  /** The bureau's decision: approval selects the person; either way who, when and why is kept. */
  Mono<ApplicationView> decide(Actor actor, UUID id, Forms.DecisionForm form) {
    return find(id).switchIfEmpty(Mono.error(CommissionerProblems.notFound())).flatMap(view -> {
      if (view.status() != ApplicationStatus.IN_REVIEW) {
        return Mono.<ApplicationView>error(CommissionerProblems.conflict("commissioner.not-in-review", view.status().name()));
      }
      if (form.version() != null && form.version() != view.version()) {
        return Mono.<ApplicationView>error(CommissionerProblems.stale());
      }
      var now = clock.instant();
      var decided = database.sql("""
              UPDATE commissioner_applications SET status = :status, hr_opinion = :hr, decided_by = :by, decided_at = :now,
                decision_reason = :reason, updated_at = now(), version = version + 1
              WHERE id = :id AND status = 'IN_REVIEW' AND version = :version""")
          .bind("status", form.approved() ? "APPROVED" : "REJECTED").bind("hr", form.hrOpinion().strip())
          .bind("by", actor.username() == null ? actor.subject() : actor.username()).bind("now", now)
          .bind("reason", form.reason().strip()).bind("id", id).bind("version", view.version())
          .fetch().rowsUpdated()
          .flatMap(rows -> rows == 0 ? Mono.<Void>error(CommissionerProblems.stale()) : Mono.empty());
      Mono<Void> selected = form.approved() ? subjectOf(id).flatMap(subject -> select(subject, id, now)) : Mono.empty();
      return decided.then(selected).then(find(id)).as(transaction::transactional);
    });
  }

  private Mono<Void> select(String subject, UUID applicationId, Instant now) {
    var year = LocalDate.ofInstant(now, CHINA).getYear();
    return bans.requirePersonAllowed(subject)
        .then(database.sql("""
                INSERT INTO commissioner_certificate_counters (year, last_number) VALUES (:year, 1)
                ON CONFLICT (year) DO UPDATE SET last_number = commissioner_certificate_counters.last_number + 1
                RETURNING last_number""")
            .bind("year", year).map(row -> row.get("last_number", Integer.class)).one())
        .flatMap(number -> database.sql("""
                INSERT INTO commissioners (id, person_subject, application_id, name, type, expertise, employer_id,
                  served_organisation_id, served_unit_name, region_code, three_regions_talent, standing, selected_at,
                  certificate_number)
                SELECT :id, applicant_subject, id, name, type, expertise, employer_id, served_organisation_id,
                  served_unit_name, region_code, three_regions_talent, 'SELECTED', :now, :certificate
                FROM commissioner_applications WHERE id = :application
                ON CONFLICT (person_subject) DO UPDATE SET application_id = excluded.application_id, name = excluded.name,
                  type = excluded.type, expertise = excluded.expertise, employer_id = excluded.employer_id,
                  served_organisation_id = excluded.served_organisation_id, served_unit_name = excluded.served_unit_name,
                  region_code = excluded.region_code, three_regions_talent = excluded.three_regions_talent,
                  standing = 'SELECTED', selected_at = excluded.selected_at, certificate_number = excluded.certificate_number,
                  exited_at = NULL, exit_reason = NULL, updated_at = now(), version = commissioners.version + 1
                WHERE commissioners.standing = 'EXITED'""")
            .bind("id", Ids.newId()).bind("now", now).bind("application", applicationId)
            .bind("certificate", "平科特聘〔" + year + "〕" + String.format("%04d", number) + "号")
            .fetch().rowsUpdated())
        .flatMap(rows -> rows == 0 ? Mono.<Void>error(CommissionerProblems.conflict("commissioner.already-selected"))
            : Mono.empty())
        .then(database.sql("""
                DELETE FROM commissioner_villages WHERE commissioner_id = (SELECT id FROM commissioners WHERE application_id = :application)""")
            .bind("application", applicationId).fetch().rowsUpdated())
        .then(database.sql("""
                INSERT INTO commissioner_villages (commissioner_id, village_code)
                SELECT c.id, v.code FROM commissioners c JOIN commissioner_applications a ON a.id = c.application_id
                JOIN villages v ON v.code = ANY (a.village_codes) WHERE c.application_id = :application""")
            .bind("application", applicationId).fetch().rowsUpdated())
        .then();
  }

  static ApplicationView view(Readable row) {
    var served = row.get("served_organisation_id", UUID.class);
    var villages = row.get("village_codes", String[].class);
    return new ApplicationView(row.get("id", UUID.class), row.get("name", String.class),
        CommissionerType.valueOf(row.get("type", String.class)), row.get("profile", String.class),
        row.get("expertise", String.class),
        new ApplicationView.OrganisationRef(row.get("employer_id", UUID.class), row.get("employer_name", String.class)),
        served == null ? null : new ApplicationView.OrganisationRef(served, row.get("served_name", String.class)),
        row.get("served_unit_name", String.class), row.get("region_code", String.class),
        villages == null ? List.of() : Arrays.asList(villages), Boolean.TRUE.equals(row.get("three_regions_talent", Boolean.class)),
        ApplicationStatus.valueOf(row.get("status", String.class)),
        consent(row, "employer_consent"), consent(row, "enterprise_consent"),
        row.get("decided_at", Instant.class) == null ? null : new ApplicationView.Decision(row.get("hr_opinion", String.class),
            row.get("decided_by", String.class), row.get("decided_at", Instant.class), row.get("decision_reason", String.class)),
        row.get("commissioner_id", UUID.class), row.get("created_at", Instant.class), row.get("version", Long.class));
  }

  private static ApplicationView.Consent consent(Readable row, String column) {
    var decision = row.get(column, String.class);
    return decision == null ? null : new ApplicationView.Consent(decision, row.get(column + "_by", String.class),
        row.get(column + "_at", Instant.class), row.get(column + "_note", String.class));
  }
}
