package org.pingliang.techmarket.marketplace.organisation;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.organisation.internal.Member;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The organisation_members table: who belongs to which organisation, in which role. */
@Repository
class PostgresMembers {

  private final DatabaseClient database;

  PostgresMembers(DatabaseClient database) {
    this.database = database;
  }

  /** The organisation's members, longest-standing first. */
  Flux<Member> of(UUID organisationId) {
    return database.sql("""
            SELECT subject, role, added_by, created_at FROM organisation_members
             WHERE organisation_id = :organisationId ORDER BY created_at, subject""")
        .bind("organisationId", organisationId)
        .map(PostgresMembers::read).all();
  }

  Mono<MemberRole> roleOf(UUID organisationId, String subject) {
    if (subject == null) {
      return Mono.empty();
    }
    return database.sql("""
            SELECT role FROM organisation_members WHERE organisation_id = :organisationId AND subject = :subject""")
        .bind("organisationId", organisationId).bind("subject", subject)
        .map(row -> MemberRole.valueOf(row.get("role", String.class))).one();
  }

  /** The role, or an empty Optional for a non-member (or anonymous caller): rules decide on both. */
  Mono<Optional<MemberRole>> lookUpRole(UUID organisationId, String subject) {
    return roleOf(organisationId, subject).map(Optional::of).defaultIfEmpty(Optional.empty());
  }

  Mono<Long> owners(UUID organisationId) {
    return database.sql("""
            SELECT count(*) AS owners FROM organisation_members
             WHERE organisation_id = :organisationId AND role = 'OWNER'""")
        .bind("organisationId", organisationId)
        .map(row -> row.get("owners", Long.class)).one();
  }

  /** Adds the member unless the subject already is one; tells whether it did. */
  Mono<Boolean> addIfAbsent(UUID organisationId, Member member) {
    return database.sql("""
            INSERT INTO organisation_members (organisation_id, subject, role, added_by)
            VALUES (:organisationId, :subject, :role, :addedBy)
            ON CONFLICT (organisation_id, subject) DO NOTHING""")
        .bind("organisationId", organisationId)
        .bind("subject", member.subject())
        .bind("role", member.role().name())
        .bind("addedBy", member.addedBy())
        .fetch().rowsUpdated().map(rows -> rows == 1);
  }

  Mono<Member> find(UUID organisationId, String subject) {
    return database.sql("""
            SELECT subject, role, added_by, created_at FROM organisation_members
             WHERE organisation_id = :organisationId AND subject = :subject""")
        .bind("organisationId", organisationId).bind("subject", subject)
        .map(PostgresMembers::read).one();
  }

  Mono<Boolean> remove(UUID organisationId, String subject) {
    return database.sql("DELETE FROM organisation_members WHERE organisation_id = :organisationId AND subject = :subject")
        .bind("organisationId", organisationId).bind("subject", subject)
        .fetch().rowsUpdated().map(rows -> rows == 1);
  }

  /** The subject's organisations with their role in each, by name. */
  Flux<Membership> organisationsOf(String subject) {
    return database.sql("SELECT " + PostgresOrganisations.COLUMNS + """
            , m.role FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id
             WHERE m.subject = :subject ORDER BY o.name, o.id""")
        .bind("subject", subject)
        .map(row -> new Membership(PostgresOrganisations.read(row), MemberRole.valueOf(row.get("role", String.class))))
        .all();
  }

  private static Member read(Readable row) {
    return new Member(row.get("subject", String.class), MemberRole.valueOf(row.get("role", String.class)),
        row.get("added_by", String.class), row.get("created_at", Instant.class));
  }

  /** One of a subject's organisations and their role in it. */
  record Membership(StoredOrganisation organisation, MemberRole role) {}
}
