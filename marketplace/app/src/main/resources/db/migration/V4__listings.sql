-- Listings: achievements (科技成果), achievement packages (科技成果包) and demands (技术需求).
-- Filterable fields are columns; nested IP rights are JSONB. Every change bumps version and writes
-- a listing_revisions row in the same transaction, and an outbox event (V3).

CREATE TABLE achievements (
    id                UUID        PRIMARY KEY,
    organisation_id   UUID        NOT NULL REFERENCES organisations (id),
    title             TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    summary           TEXT        NOT NULL CHECK (char_length(summary) BETWEEN 1 AND 1000),
    description       TEXT        NOT NULL CHECK (char_length(description) BETWEEN 1 AND 20000),
    technology_field  TEXT        NOT NULL,
    industry_tags     TEXT[]      NOT NULL DEFAULT '{}',
    maturity          TEXT        NOT NULL,
    trl               SMALLINT    CHECK (trl BETWEEN 1 AND 9),
    ip_rights         JSONB       NOT NULL,
    transfer_modes    TEXT[]      NOT NULL CHECK (cardinality(transfer_modes) > 0),
    asking_price_fen  BIGINT      CHECK (asking_price_fen >= 0),
    price_negotiable  BOOLEAN     NOT NULL,
    region_code       CHAR(6)     NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'REJECTED', 'WITHDRAWN', 'ARCHIVED')),
    status_reason     TEXT        CHECK (char_length(status_reason) <= 1000),
    external_id       TEXT        CHECK (char_length(external_id) <= 100),
    created_by        TEXT        NOT NULL,
    published_at      TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    version           BIGINT      NOT NULL,
    CHECK (price_negotiable = (asking_price_fen IS NULL)),
    UNIQUE (organisation_id, external_id)
);
CREATE INDEX achievements_public ON achievements (published_at DESC, id DESC) WHERE status = 'PUBLISHED';
CREATE INDEX achievements_by_organisation ON achievements (organisation_id, updated_at DESC, id DESC);
CREATE INDEX achievements_review_queue ON achievements (updated_at, id) WHERE status = 'SUBMITTED';

CREATE TABLE achievement_packages (
    id              UUID        PRIMARY KEY,
    title           TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    theme           TEXT        NOT NULL CHECK (char_length(theme) BETWEEN 1 AND 100),
    industry_tags   TEXT[]      NOT NULL DEFAULT '{}',
    region_code     CHAR(6),
    description     TEXT        NOT NULL CHECK (char_length(description) <= 20000),
    status          TEXT        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    status_reason   TEXT        CHECK (char_length(status_reason) <= 1000),
    curator         TEXT        NOT NULL,
    published_at    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    version         BIGINT      NOT NULL
);
CREATE INDEX achievement_packages_public ON achievement_packages (published_at DESC, id DESC) WHERE status = 'PUBLISHED';

CREATE TABLE achievement_package_items (
    package_id      UUID     NOT NULL REFERENCES achievement_packages (id) ON DELETE CASCADE,
    achievement_id  UUID     NOT NULL REFERENCES achievements (id),
    position        SMALLINT NOT NULL,
    PRIMARY KEY (package_id, achievement_id)
);

CREATE TABLE demands (
    id                 UUID        PRIMARY KEY,
    organisation_id    UUID        NOT NULL REFERENCES organisations (id),
    title              TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    problem            TEXT        NOT NULL CHECK (char_length(problem) BETWEEN 1 AND 20000),
    expected_outcome   TEXT        NOT NULL CHECK (char_length(expected_outcome) BETWEEN 1 AND 5000),
    budget_min_fen     BIGINT      CHECK (budget_min_fen >= 0),
    budget_max_fen     BIGINT      CHECK (budget_max_fen >= 0),
    budget_negotiable  BOOLEAN     NOT NULL,
    deadline           DATE        NOT NULL,
    cooperation_modes  TEXT[]      NOT NULL CHECK (cardinality(cooperation_modes) > 0),
    industry_tags      TEXT[]      NOT NULL DEFAULT '{}',
    technology_field   TEXT        NOT NULL,
    region_code        CHAR(6)     NOT NULL,
    challenge          BOOLEAN     NOT NULL,
    bounty_fen         BIGINT      CHECK (bounty_fen > 0),
    status             TEXT        NOT NULL CHECK (status IN ('OPEN', 'IN_NEGOTIATION', 'SOLVED', 'CLOSED')),
    status_reason      TEXT        CHECK (char_length(status_reason) <= 1000),
    created_by         TEXT        NOT NULL,
    published_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    version            BIGINT      NOT NULL,
    CHECK (budget_min_fen IS NULL OR budget_max_fen IS NULL OR budget_min_fen <= budget_max_fen),
    CHECK (challenge = (bounty_fen IS NOT NULL))
);
CREATE INDEX demands_public ON demands (published_at DESC, id DESC) WHERE status IN ('OPEN', 'IN_NEGOTIATION');
CREATE INDEX demands_by_organisation ON demands (organisation_id, updated_at DESC, id DESC);

-- The history of every listing: one row per version, with the full snapshot after the change.
CREATE TABLE listing_revisions (
    listing_type   TEXT        NOT NULL CHECK (listing_type IN ('Achievement', 'AchievementPackage', 'Demand')),
    listing_id     UUID        NOT NULL,
    version        BIGINT      NOT NULL,
    action         TEXT        NOT NULL,
    actor          TEXT        NOT NULL,
    reason         TEXT,
    snapshot       JSONB       NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (listing_type, listing_id, version)
);
