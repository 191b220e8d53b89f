-- The brokers' queue of strong demand ↔ achievement matches, found when either side is published
-- or changed (package search, MatchQueueWorker). One row per pair: a later event updates the score
-- and reasons but never the broker's decision.
CREATE TABLE broker_match_queue (
    id                 UUID PRIMARY KEY,
    demand_id          UUID NOT NULL,
    achievement_id     UUID NOT NULL,
    demand_title       TEXT NOT NULL,
    achievement_title  TEXT NOT NULL,
    score              DOUBLE PRECISION NOT NULL,
    similarity         DOUBLE PRECISION,
    reasons            JSONB NOT NULL,
    breakdown          JSONB NOT NULL,
    status             TEXT NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'CLAIMED', 'DISMISSED')),
    decided_by         TEXT,
    decided_at         TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT broker_match_queue_pair UNIQUE (demand_id, achievement_id)
);

-- The queue is read newest first per status, cursor-paged by (created_at, id).
CREATE INDEX broker_match_queue_by_status ON broker_match_queue (status, created_at DESC, id DESC);
