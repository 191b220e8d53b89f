package org.pingliang.techmarket.marketplace.listing.imports;

import java.time.Instant;
import java.util.UUID;

/** A bulk import as clients see it: where it is and what it did so far. */
public record ImportJob(
    UUID id,
    UUID organisationId,
    String fileName,
    Format format,
    boolean submitForReview,
    Status status,
    Integer totalRows,
    int processedRows,
    int createdRows,
    int updatedRows,
    int unchangedRows,
    int failedRows,
    String failure,
    String createdBy,
    Instant startedAt,
    Instant finishedAt,
    Instant createdAt) {

  /** Accepted file formats. */
  public enum Format { CSV, XLSX }

  /** QUEUED and RUNNING jobs are picked up again after a crash; the others are final. */
  public enum Status {
    QUEUED, RUNNING, COMPLETED, FAILED;

    public boolean isFinal() {
      return this == COMPLETED || this == FAILED;
    }
  }
}
