package org.pingliang.techmarket.marketplace.organisation;

import static org.pingliang.techmarket.marketplace.organisation.Bindings.nameOf;
import static org.pingliang.techmarket.marketplace.organisation.Bindings.nullable;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The organisations table. Writes are conditional, so races end in "nothing written", not in lost data. */
@Repository
class PostgresOrganisations {

  static final String COLUMNS = "o.id, o.name, o.kind, o.credit_code, o.region_code, o.legal_entity_type, "
      + "o.legal_entity_subtype, o.verification_status, o.rejection_reason, o.created_at, o.updated_at, o.version";

  private final DatabaseClient database;

  PostgresOrganisations(DatabaseClient database) {
    this.database = database;
  }

  /** Stores a new organisation unless its credit code is taken; tells whether it was stored. */
  Mono<Boolean> insertIfAbsent(Organisation organisation, String registeredBy) {
    var spec = database.sql("""
            INSERT INTO organisations (id, name, kind, credit_code, region_code, legal_entity_type,
                legal_entity_subtype, verification_status, registered_by, version)
            VALUES (:id, :name, :kind, :creditCode, :regionCode, :legalEntityType, :legalEntitySubtype,
                :status, :registeredBy, :version)
            ON CONFLICT (credit_code) DO NOTHING""")
        .bind("id", organisation.id())
        .bind("name", organisation.name())
        .bind("kind", organisation.kind().name())
        .bind("creditCode", organisation.creditCode().value())
        .bind("regionCode", organisation.regionCode().value())
        .bind("legalEntityType", organisation.legalEntityType().category().name())
        .bind("status", organisation.verificationStatus().name())
        .bind("registeredBy", registeredBy)
        .bind("version", organisation.version());
    return nullable(spec, "legalEntitySubtype", nameOf(organisation.legalEntityType().subtype()))
        .fetch().rowsUpdated().map(rows -> rows == 1);
  }

  Mono<StoredOrganisation> find(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM organisations o WHERE o.id = :id")
        .bind("id", id).map(PostgresOrganisations::read).one();
  }

  Mono<StoredOrganisation> findByCreditCode(UnifiedSocialCreditCode creditCode) {
    return database.sql("SELECT " + COLUMNS + " FROM organisations o WHERE o.credit_code = :creditCode")
        .bind("creditCode", creditCode.value()).map(PostgresOrganisations::read).one();
  }

  /** Reads and locks the row until the transaction ends: changes of one organisation queue up. */
  Mono<StoredOrganisation> lock(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM organisations o WHERE o.id = :id FOR UPDATE")
        .bind("id", id).map(PostgresOrganisations::read).one();
  }

  /** Writes {@code after} if the stored version is still {@code expectedVersion}; tells whether it did. */
  Mono<Boolean> update(Organisation after, long expectedVersion, String rejectionReason) {
    var spec = database.sql("""
            UPDATE organisations
               SET name = :name, credit_code = :creditCode, region_code = :regionCode,
                   legal_entity_type = :legalEntityType, legal_entity_subtype = :legalEntitySubtype,
                   verification_status = :status, rejection_reason = :rejectionReason,
                   updated_at = now(), version = :version
             WHERE id = :id AND version = :expectedVersion""")
        .bind("id", after.id())
        .bind("name", after.name())
        .bind("creditCode", after.creditCode().value())
        .bind("regionCode", after.regionCode().value())
        .bind("legalEntityType", after.legalEntityType().category().name())
        .bind("status", after.verificationStatus().name())
        .bind("version", after.version())
        .bind("expectedVersion", expectedVersion);
    spec = nullable(spec, "legalEntitySubtype", nameOf(after.legalEntityType().subtype()));
    return nullable(spec, "rejectionReason", rejectionReason).fetch().rowsUpdated().map(rows -> rows == 1);
  }

  /** One page in id (= registration) order after {@code after}, matching the filter. */
  Flux<StoredOrganisation> page(OrganisationQuery query) {
    var sql = new StringBuilder("SELECT " + COLUMNS + " FROM organisations o WHERE o.verification_status = :status");
    if (query.kind() != null) {
      sql.append(" AND o.kind = :kind");
    }
    if (query.region() != null) {
      sql.append(" AND o.region_code LIKE :regionPrefix");
    }
    if (query.after() != null) {
      sql.append(" AND o.id > :after");
    }
    sql.append(" ORDER BY o.id LIMIT :limit");
    var spec = database.sql(sql.toString())
        .bind("status", query.status().name())
        .bind("limit", query.size() + 1);
    if (query.kind() != null) {
      spec = spec.bind("kind", query.kind().name());
    }
    if (query.region() != null) {
      // Only digits: the prefix cannot carry a LIKE wildcard.
      spec = spec.bind("regionPrefix", query.region().prefix() + "%");
    }
    if (query.after() != null) {
      spec = spec.bind("after", query.after());
    }
    return spec.map(PostgresOrganisations::read).all();
  }

  static StoredOrganisation read(Readable row) {
    var subtype = row.get("legal_entity_subtype", String.class);
    var organisation = new Organisation(
        row.get("id", UUID.class),
        row.get("name", String.class),
        OrganisationKind.valueOf(row.get("kind", String.class)),
        new UnifiedSocialCreditCode(row.get("credit_code", String.class)),
        new RegionCode(row.get("region_code", String.class)),
        new LegalEntityType(LegalEntityType.Category.valueOf(row.get("legal_entity_type", String.class)),
            subtype == null ? null : LegalEntityType.Subtype.valueOf(subtype)),
        VerificationStatus.valueOf(row.get("verification_status", String.class)),
        row.get("version", Long.class));
    return new StoredOrganisation(organisation, row.get("rejection_reason", String.class),
        row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
  }
}
