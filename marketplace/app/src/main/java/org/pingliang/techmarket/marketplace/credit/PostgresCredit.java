package org.pingliang.techmarket.marketplace.credit;

import java.time.Clock;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.ProblemType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Engagements and bans in PostgreSQL; every call joins the caller's reactive transaction. */
@Component
class PostgresCredit implements Engagements, TradingBans {

  private final DatabaseClient database;
  private final Clock clock;

  PostgresCredit(DatabaseClient database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public Mono<Void> completed(Engagement engagement) {
    UUID id = Ids.newId();
    return database.sql("""
            INSERT INTO credit_engagements (id, kind, reference_id, completed_at)
            VALUES (:id, :kind, :reference, :completedAt)
            ON CONFLICT (kind, reference_id) DO NOTHING""")
        .bind("id", id).bind("kind", engagement.kind()).bind("reference", engagement.referenceId())
        .bind("completedAt", engagement.completedAt())
        .fetch().rowsUpdated()
        .flatMap(inserted -> inserted == 0 ? Mono.empty() : Flux.range(0, engagement.parties().size())
            .concatMap(position -> insertParty(id, position, engagement.parties().get(position)))
            .then());
  }

  private Mono<Long> insertParty(UUID engagementId, int position, Party party) {
    var spec = database.sql("""
            INSERT INTO credit_engagement_parties (engagement_id, position, role, organisation_id, person_subject)
            VALUES (:engagement, :position, :role, :organisation, :person)""")
        .bind("engagement", engagementId).bind("position", position).bind("role", party.role());
    spec = party.organisationId() == null ? spec.bindNull("organisation", UUID.class) : spec.bind("organisation", party.organisationId());
    spec = party.personSubject() == null ? spec.bindNull("person", String.class) : spec.bind("person", party.personSubject());
    return spec.fetch().rowsUpdated();
  }

  @Override
  public Mono<Void> requireOrganisationAllowed(UUID organisationId) {
    return isOrganisationBanned(organisationId).flatMap(banned -> banned ? Mono.error(banned()) : Mono.empty());
  }

  @Override
  public Mono<Void> requirePersonAllowed(String personSubject) {
    return isPersonBanned(personSubject).flatMap(banned -> banned ? Mono.error(banned()) : Mono.empty());
  }

  @Override
  public Mono<Boolean> isPersonBanned(String personSubject) {
    return database.sql("SELECT EXISTS (SELECT 1 FROM trading_bans WHERE person_subject = :subject AND lifted_at IS NULL) AS banned")
        .bind("subject", personSubject).map(row -> row.get("banned", Boolean.class)).one();
  }

  @Override
  public Mono<Boolean> isOrganisationBanned(UUID organisationId) {
    return database.sql("SELECT EXISTS (SELECT 1 FROM trading_bans WHERE organisation_id = :id AND lifted_at IS NULL) AS banned")
        .bind("id", organisationId).map(row -> row.get("banned", Boolean.class)).one();
  }

  @Override
  public Mono<UUID> ban(UUID organisationId, String personSubject, String reason, String decidedBy) {
    UUID id = Ids.newId();
    var spec = database.sql("""
            INSERT INTO trading_bans (id, organisation_id, person_subject, reason, decided_by, imposed_at)
            VALUES (:id, :organisation, :person, :reason, :decidedBy, :now)
            ON CONFLICT DO NOTHING""")
        .bind("id", id).bind("reason", reason).bind("decidedBy", decidedBy).bind("now", clock.instant());
    spec = organisationId == null ? spec.bindNull("organisation", UUID.class) : spec.bind("organisation", organisationId);
    spec = personSubject == null ? spec.bindNull("person", String.class) : spec.bind("person", personSubject);
    return spec.fetch().rowsUpdated().then(current(organisationId, personSubject));
  }

  private Mono<UUID> current(UUID organisationId, String personSubject) {
    return organisationId != null
        ? database.sql("SELECT id FROM trading_bans WHERE organisation_id = :id AND lifted_at IS NULL")
            .bind("id", organisationId).map(row -> row.get("id", UUID.class)).one()
        : database.sql("SELECT id FROM trading_bans WHERE person_subject = :subject AND lifted_at IS NULL")
            .bind("subject", personSubject).map(row -> row.get("id", UUID.class)).one();
  }

  private static ApiProblem banned() {
    return new ApiProblem(ProblemType.FORBIDDEN, "credit.trading-banned");
  }
}
