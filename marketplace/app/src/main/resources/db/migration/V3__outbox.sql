-- Transactional outbox (package outbox): an event is inserted in the same transaction as the change
-- it describes, so it exists exactly when the change committed. OutboxRelay later appends it to its
-- Redis Stream and records that here. Rows are written once by Outbox.append; afterwards only the
-- relay touches them (published_at, attempts, last_error, updated_at) while holding its advisory
-- lock, so they need no optimistic-locking version column.
CREATE TABLE outbox_events (
    -- Relay order. Versions of one aggregate are written by serial transactions (the aggregate's own
    -- version check), so within an aggregate this order is version order.
    sequence           BIGSERIAL   PRIMARY KEY,
    event_id           UUID        NOT NULL UNIQUE,
    stream             TEXT        NOT NULL,
    aggregate_type     TEXT        NOT NULL,
    aggregate_id       UUID        NOT NULL,
    aggregate_version  BIGINT      NOT NULL CHECK (aggregate_version >= 0),
    type               TEXT        NOT NULL,
    -- Lets a later payload schema be written without another migration; 1 for every event today.
    schema_version     INTEGER     NOT NULL DEFAULT 1 CHECK (schema_version >= 1),
    payload            JSONB       NOT NULL,
    occurred_at        TIMESTAMPTZ NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at       TIMESTAMPTZ,
    attempts           INTEGER     NOT NULL DEFAULT 0,
    last_error         TEXT,
    -- Consumers are idempotent on (aggregateId, aggregateVersion): they would silently drop a second
    -- event of the same version, so it is refused here instead, failing the writer's transaction.
    CONSTRAINT outbox_events_one_event_per_version UNIQUE (aggregate_type, aggregate_id, aggregate_version)
);

-- The relay only ever reads unpublished rows in sequence order; published rows drop out of this
-- index, so it stays as small as the backlog.
CREATE INDEX outbox_events_unpublished ON outbox_events (sequence) WHERE published_at IS NULL;
