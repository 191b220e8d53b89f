package org.pingliang.techmarket.marketplace.listing.imports;

import java.util.UUID;

/** One progress report of an import, as the live stream (SSE) sends it. */
public record ImportProgress(UUID importId, ImportJob.Status status, Integer totalRows, int processedRows,
    int createdRows, int updatedRows, int unchangedRows, int failedRows, String failure) {

  static ImportProgress of(ImportJob job) {
    return new ImportProgress(job.id(), job.status(), job.totalRows(), job.processedRows(), job.createdRows(),
        job.updatedRows(), job.unchangedRows(), job.failedRows(), job.failure());
  }

  static ImportProgress running(UUID id, Integer total, ImportCounters counters) {
    return new ImportProgress(id, ImportJob.Status.RUNNING, total, counters.processed(), counters.created(),
        counters.updated(), counters.unchanged(), counters.failed(), null);
  }
}
