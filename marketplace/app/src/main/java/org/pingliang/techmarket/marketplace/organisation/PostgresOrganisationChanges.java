package org.pingliang.techmarket.marketplace.organisation;

import io.r2dbc.postgresql.codec.Json;
import java.util.Map;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.organisation.internal.ChangeType;
import org.pingliang.techmarket.marketplace.organisation.internal.FieldChange;
import org.pingliang.techmarket.marketplace.organisation.internal.TimeOrderedIds;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The append-only history of organisations (organisation_changes). */
@Repository
class PostgresOrganisationChanges {

  private final DatabaseClient database;
  private final JsonMapper json;

  PostgresOrganisationChanges(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  /** Records one change; runs in the caller's transaction, so a change and its entry commit together. */
  Mono<Void> record(UUID organisationId, long organisationVersion, ChangeType type, String changedBy,
      Map<String, FieldChange> fields, String reason) {
    var spec = database.sql("""
            INSERT INTO organisation_changes (id, organisation_id, organisation_version, change_type, changed_by,
                changes, reason)
            VALUES (:id, :organisationId, :version, :type, :changedBy, :changes, :reason)""")
        .bind("id", TimeOrderedIds.next())
        .bind("organisationId", organisationId)
        .bind("version", organisationVersion)
        .bind("type", type.name())
        .bind("changedBy", changedBy)
        .bind("changes", Json.of(json.writeValueAsString(fields)));
    return Bindings.nullable(spec, "reason", reason).then();
  }
}
