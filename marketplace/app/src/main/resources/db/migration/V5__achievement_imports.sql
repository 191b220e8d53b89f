-- Bulk registration of achievements (成果汇交). The uploaded file is kept with the job, so a job
-- interrupted by a crash is resumed by the system itself; rows are idempotent by external id.
CREATE TABLE achievement_imports (
    id                 UUID        PRIMARY KEY,
    organisation_id    UUID        NOT NULL REFERENCES organisations (id),
    file_name          TEXT        NOT NULL CHECK (char_length(file_name) <= 255),
    format             TEXT        NOT NULL CHECK (format IN ('CSV', 'XLSX')),
    content            BYTEA       NOT NULL,
    submit_for_review  BOOLEAN     NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    total_rows         INTEGER,
    processed_rows     INTEGER     NOT NULL DEFAULT 0,
    created_rows       INTEGER     NOT NULL DEFAULT 0,
    updated_rows       INTEGER     NOT NULL DEFAULT 0,
    unchanged_rows     INTEGER     NOT NULL DEFAULT 0,
    failed_rows        INTEGER     NOT NULL DEFAULT 0,
    failure            TEXT,
    created_by         TEXT        NOT NULL,
    heartbeat_at       TIMESTAMPTZ,
    started_at         TIMESTAMPTZ,
    finished_at        TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    version            BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX achievement_imports_unfinished ON achievement_imports (status, heartbeat_at) WHERE status IN ('QUEUED', 'RUNNING');

CREATE TABLE achievement_import_errors (
    import_id   UUID        NOT NULL REFERENCES achievement_imports (id) ON DELETE CASCADE,
    row_number  INTEGER     NOT NULL,
    field       TEXT        NOT NULL,
    code        TEXT        NOT NULL,
    message     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (import_id, row_number, field)
);
