package org.pingliang.techmarket.marketplace.commissioner;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.credit.Engagements;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The electronic archive (电子档案): services filed by an active commissioner and confirmed (or
 * disputed) by the served organisation; a confirmation is a finished engagement for credit.
 */
@Service
class Archive {

  private static final String SELECT = """
      SELECT r.*, c.name AS commissioner_name, c.person_subject, o.name AS served_name FROM commissioner_service_records r
      JOIN commissioners c ON c.id = r.commissioner_id JOIN organisations o ON o.id = r.served_organisation_id
      """;

  private final DatabaseClient database;
  private final Organisations organisations;
  private final Engagements engagements;
  private final TransactionalOperator transaction;
  private final Clock clock;

  Archive(DatabaseClient database, Organisations organisations, Engagements engagements,
      TransactionalOperator transaction, Clock clock) {
    this.database = database;
    this.organisations = organisations;
    this.engagements = engagements;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** One archived service: where, for whom, what, the outcome, and the served side's confirmation. */
  record ServiceRecordView(UUID id, UUID commissionerId, String commissionerName,
      ApplicationView.OrganisationRef servedOrganisation, String villageCode, String place, String content,
      String outcome, LocalDate servedOn, String status, String confirmedBy, Instant confirmedAt,
      String confirmationNote, Instant filedAt, long version) {}

  Mono<ServiceRecordView> file(Actor actor, Forms.ServiceRecordForm form) {
    if (form.servedOn().isAfter(LocalDate.now(clock.withZone(Selection.CHINA)))) {
      return Mono.error(CommissionerProblems.invalid("servedOn", "invalid-value"));
    }
    var id = Ids.newId();
    return database.sql("SELECT c.id FROM commissioners c WHERE c.person_subject = :subject AND " + Roster.ACTIVE)
        .bind("subject", actor.subject()).map(row -> row.get("id", UUID.class)).one()
        .switchIfEmpty(Mono.error(CommissionerProblems.forbidden("commissioner.not-active-commissioner")))
        .flatMap(commissioner -> organisations.find(form.servedOrganisationId())
            .switchIfEmpty(Mono.error(CommissionerProblems.invalid("servedOrganisationId", "invalid-value")))
            .then(Villages.requireKnown(database, form.villageCode() == null ? List.of() : List.of(form.villageCode())))
            .then(insert(id, commissioner, actor, form)))
        .then(find(id));
  }

  private Mono<Long> insert(UUID id, UUID commissioner, Actor actor, Forms.ServiceRecordForm form) {
    var spec = database.sql("""
            INSERT INTO commissioner_service_records (id, commissioner_id, served_organisation_id, village_code, place,
              content, outcome, served_on, status, filed_by)
            VALUES (:id, :commissioner, :served, :village, :place, :content, :outcome, :servedOn, 'FILED', :by)""")
        .bind("id", id).bind("commissioner", commissioner).bind("served", form.servedOrganisationId())
        .bind("place", form.place().strip()).bind("content", form.content().strip())
        .bind("outcome", form.outcome().strip()).bind("servedOn", form.servedOn()).bind("by", actor.subject());
    spec = form.villageCode() == null ? spec.bindNull("village", String.class) : spec.bind("village", form.villageCode());
    return spec.fetch().rowsUpdated();
  }

  Mono<ServiceRecordView> find(UUID id) {
    return database.sql(SELECT + " WHERE r.id = :id").bind("id", id).map(Archive::view).one();
  }

  /** The caller's records as commissioner and those served to their organisations; ADMIN sees all. */
  Flux<ServiceRecordView> list(Actor actor) {
    if (actor.isAdmin()) {
      return database.sql(SELECT + " ORDER BY r.served_on DESC, r.id DESC LIMIT 200").map(Archive::view).all();
    }
    return database.sql(SELECT + """
             WHERE c.person_subject = :subject OR EXISTS (SELECT 1 FROM organisation_members m
               WHERE m.organisation_id = r.served_organisation_id AND m.subject = :subject)
             ORDER BY r.served_on DESC, r.id DESC LIMIT 200""")
        .bind("subject", actor.subject()).map(Archive::view).all();
  }

  /** The served organisation's OWNER or EDITOR confirms (or disputes) a filed record. */
  Mono<ServiceRecordView> confirm(Actor actor, UUID id, Forms.ConfirmationForm form) {
    return database.sql(SELECT + " WHERE r.id = :id").bind("id", id)
        .map(row -> new Object[] {view(row), row.get("person_subject", String.class)}).one()
        .switchIfEmpty(Mono.error(CommissionerProblems.notFound()))
        .flatMap(found -> {
          var record = (ServiceRecordView) found[0];
          var commissionerSubject = (String) found[1];
          return organisations.roleOf(record.servedOrganisation().id(), actor.subject())
              .map(role -> role.mayEditListings())
              .switchIfEmpty(Mono.defer(() -> commissionerSubject.equals(actor.subject()) || actor.isAdmin()
                  ? Mono.error(CommissionerProblems.forbidden("commissioner.served-only"))
                  : Mono.error(CommissionerProblems.notFound())))
              .flatMap(editor -> editor ? Mono.just(record)
                  : Mono.error(CommissionerProblems.forbidden("commissioner.served-only")))
              .flatMap(r -> record(actor, r, commissionerSubject, form));
        });
  }

  private Mono<ServiceRecordView> record(Actor actor, ServiceRecordView record, String commissionerSubject,
      Forms.ConfirmationForm form) {
    var now = clock.instant();
    var spec = database.sql("""
            UPDATE commissioner_service_records SET status = :status, confirmed_by = :by, confirmed_at = :now,
              confirmation_note = :note, updated_at = now(), version = version + 1 WHERE id = :id AND status = 'FILED'""")
        .bind("status", form.confirmed() ? "CONFIRMED" : "DISPUTED")
        .bind("by", actor.username() == null ? actor.subject() : actor.username()).bind("now", now).bind("id", record.id());
    spec = form.note() == null || form.note().isBlank() ? spec.bindNull("note", String.class)
        : spec.bind("note", form.note().strip());
    Mono<Void> engagement = !form.confirmed() ? Mono.empty() : engagements.completed(new Engagements.Engagement(
        "SERVICE", record.id(), List.of(new Engagements.Party("COMMISSIONER", null, commissionerSubject),
            new Engagements.Party("SERVED", record.servedOrganisation().id(), null)), now));
    return spec.fetch().rowsUpdated()
        .flatMap(rows -> rows == 0 ? Mono.<Void>error(CommissionerProblems.conflict("commissioner.record-not-open"))
            : engagement)
        .as(transaction::transactional)
        .then(find(record.id()));
  }

  static ServiceRecordView view(Readable row) {
    return new ServiceRecordView(row.get("id", UUID.class), row.get("commissioner_id", UUID.class),
        row.get("commissioner_name", String.class),
        new ApplicationView.OrganisationRef(row.get("served_organisation_id", UUID.class), row.get("served_name", String.class)),
        row.get("village_code", String.class), row.get("place", String.class), row.get("content", String.class),
        row.get("outcome", String.class), row.get("served_on", LocalDate.class), row.get("status", String.class),
        row.get("confirmed_by", String.class), row.get("confirmed_at", Instant.class),
        row.get("confirmation_note", String.class), row.get("created_at", Instant.class), row.get("version", Long.class));
  }
}
