package org.pingliang.techmarket.marketplace.listing.imports;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.listing.shared.Parameters;
import org.pingliang.techmarket.marketplace.problem.FieldError;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Import jobs, their files and their row errors in PostgreSQL. */
@Component
class ImportJobStore {

  private static final String COLUMNS = """
      id, organisation_id, file_name, format, submit_for_review, status, total_rows, processed_rows, created_rows,
      updated_rows, unchanged_rows, failed_rows, failure, created_by, started_at, finished_at, created_at""";

  private final DatabaseClient database;

  ImportJobStore(DatabaseClient database) {
    this.database = database;
  }

  Mono<Void> insert(ImportJob job, byte[] content) {
    return database.sql("""
            INSERT INTO achievement_imports (id, organisation_id, file_name, format, content, submit_for_review, status,
              created_by, created_at, updated_at)
            VALUES (:id, :org, :fileName, :format, :content, :submit, 'QUEUED', :createdBy, :createdAt, :createdAt)""")
        .bind("id", job.id())
        .bind("org", job.organisationId())
        .bind("fileName", job.fileName())
        .bind("format", job.format().name())
        .bind("content", java.nio.ByteBuffer.wrap(content))
        .bind("submit", job.submitForReview())
        .bind("createdBy", job.createdBy())
        .bind("createdAt", job.createdAt())
        .then();
  }

  Mono<ImportJob> find(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM achievement_imports WHERE id = :id").bind("id", id)
        .map(ImportJobStore::read).one();
  }

  /**
   * Takes a job for processing: a queued one, or a running one whose worker stopped sending
   * heartbeats (crashed). Only one worker can win, so a job never runs twice at once.
   */
  Mono<ImportJob> claim(UUID id, Duration staleAfter) {
    return database.sql("""
            UPDATE achievement_imports SET status = 'RUNNING', heartbeat_at = now(),
              started_at = coalesce(started_at, now()), updated_at = now(), version = version + 1
            WHERE id = :id AND (status = 'QUEUED' OR (status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => :stale)))
            """ + " RETURNING " + COLUMNS)
        .bind("id", id).bind("stale", (double) staleAfter.toSeconds())
        .map(ImportJobStore::read).one();
  }

  Mono<byte[]> content(UUID id) {
    return database.sql("SELECT content FROM achievement_imports WHERE id = :id").bind("id", id)
        .map(row -> {
          var buffer = row.get("content", java.nio.ByteBuffer.class);
          var bytes = new byte[buffer.remaining()];
          buffer.get(bytes);
          return bytes;
        }).one();
  }

  /** Jobs no worker is on: queued, or running without a recent heartbeat. */
  Flux<UUID> orphans(Duration staleAfter) {
    return database.sql("""
            SELECT id FROM achievement_imports
            WHERE status = 'QUEUED' OR (status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => :stale))
            ORDER BY created_at""")
        .bind("stale", (double) staleAfter.toSeconds())
        .map(row -> row.get("id", UUID.class)).all();
  }

  Mono<Void> progress(UUID id, ImportCounters counters, Integer total) {
    return database.sql("""
            UPDATE achievement_imports SET total_rows = coalesce(:total, total_rows), processed_rows = :processed,
              created_rows = :created, updated_rows = :updated, unchanged_rows = :unchanged, failed_rows = :failed,
              heartbeat_at = now(), updated_at = now(), version = version + 1
            WHERE id = :id AND status = 'RUNNING'""")
        .bind("id", id)
        .bind("total", Parameters.nullable(total, Integer.class))
        .bind("processed", counters.processed())
        .bind("created", counters.created())
        .bind("updated", counters.updated())
        .bind("unchanged", counters.unchanged())
        .bind("failed", counters.failed())
        .then();
  }

  Mono<Void> finish(UUID id, ImportJob.Status status, String failure) {
    return database.sql("""
            UPDATE achievement_imports SET status = :status, failure = :failure, finished_at = now(), updated_at = now(),
              version = version + 1
            WHERE id = :id""")
        .bind("id", id).bind("status", status.name()).bind("failure", Parameters.nullable(failure, String.class))
        .then();
  }

  Mono<Void> rowError(UUID id, int rowNumber, FieldError error) {
    return database.sql("""
            INSERT INTO achievement_import_errors (import_id, row_number, field, code, message)
            VALUES (:id, :row, :field, :code, :message) ON CONFLICT DO NOTHING""")
        .bind("id", id).bind("row", rowNumber).bind("field", error.field()).bind("code", error.code())
        .bind("message", error.message())
        .then();
  }

  /** One rejected cell of a row. */
  record RowError(int row, String field, String code, String message) {}

  Flux<RowError> errors(UUID id) {
    return database.sql("""
            SELECT row_number, field, code, message FROM achievement_import_errors WHERE import_id = :id
            ORDER BY row_number, field""")
        .bind("id", id)
        .map(row -> new RowError(row.get("row_number", Integer.class), row.get("field", String.class),
            row.get("code", String.class), row.get("message", String.class)))
        .all();
  }

  private static ImportJob read(Readable row) {
    return new ImportJob(
        row.get("id", UUID.class),
        row.get("organisation_id", UUID.class),
        row.get("file_name", String.class),
        ImportJob.Format.valueOf(row.get("format", String.class)),
        Boolean.TRUE.equals(row.get("submit_for_review", Boolean.class)),
        ImportJob.Status.valueOf(row.get("status", String.class)),
        row.get("total_rows", Integer.class),
        row.get("processed_rows", Integer.class),
        row.get("created_rows", Integer.class),
        row.get("updated_rows", Integer.class),
        row.get("unchanged_rows", Integer.class),
        row.get("failed_rows", Integer.class),
        row.get("failure", String.class),
        row.get("created_by", String.class),
        row.get("started_at", Instant.class),
        row.get("finished_at", Instant.class),
        row.get("created_at", Instant.class));
  }
}
