-- Service matching (package servicematch): S&T commissioners' service offers (服务供给) and the
-- service requests (服务需求) of enterprises, villages and communities, paired through the search
-- index. Every change writes the row, its revision and its event (outbox) in one transaction.

CREATE TABLE service_offers (
    id                   UUID        PRIMARY KEY,
    commissioner_subject TEXT        NOT NULL,
    commissioner_name    TEXT        NOT NULL,
    title                TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description          TEXT        NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
    technology_field     TEXT        NOT NULL,
    service_type         TEXT        NOT NULL CHECK (service_type IN ('GUIDANCE', 'TRAINING', 'CONSULTING', 'TESTING', 'DEMONSTRATION')),
    counties             TEXT[]      NOT NULL CHECK (cardinality(counties) BETWEEN 1 AND 20),
    modes                TEXT[]      NOT NULL CHECK (cardinality(modes) BETWEEN 1 AND 2),
    status               TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
    status_reason        TEXT,
    published_at         TIMESTAMPTZ NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    version              BIGINT      NOT NULL CHECK (version >= 1)
);
CREATE INDEX service_offers_active ON service_offers (published_at DESC, id DESC) WHERE status = 'ACTIVE';
CREATE INDEX service_offers_commissioner ON service_offers (commissioner_subject, updated_at DESC, id DESC);

-- An ENTERPRISE request names its organisation; a VILLAGE or COMMUNITY request is posted by the
-- bureau on the place's behalf: free-text place, its county, and optionally the village's id.
CREATE TABLE service_requests (
    id               UUID        PRIMARY KEY,
    requester_kind   TEXT        NOT NULL CHECK (requester_kind IN ('ENTERPRISE', 'VILLAGE', 'COMMUNITY')),
    organisation_id  UUID        REFERENCES organisations (id),
    place_name       TEXT        CHECK (place_name IS NULL OR length(place_name) BETWEEN 1 AND 200),
    village_id       UUID,
    posted_by        TEXT        NOT NULL,
    title            TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    problem          TEXT        NOT NULL CHECK (length(problem) BETWEEN 1 AND 5000),
    expected_help    TEXT        NOT NULL CHECK (length(expected_help) BETWEEN 1 AND 2000),
    technology_field TEXT        NOT NULL,
    service_type     TEXT        CHECK (service_type IN ('GUIDANCE', 'TRAINING', 'CONSULTING', 'TESTING', 'DEMONSTRATION')),
    county_code      TEXT        NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    deadline         DATE        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    status_reason    TEXT,
    published_at     TIMESTAMPTZ NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL CHECK (version >= 1),
    CHECK ((requester_kind = 'ENTERPRISE') = (organisation_id IS NOT NULL)),
    CHECK (requester_kind = 'ENTERPRISE' OR place_name IS NOT NULL),
    CHECK (requester_kind <> 'ENTERPRISE' OR (place_name IS NULL AND village_id IS NULL))
);
CREATE INDEX service_requests_open ON service_requests (published_at DESC, id DESC) WHERE status = 'OPEN';
CREATE INDEX service_requests_organisation ON service_requests (organisation_id, updated_at DESC, id DESC);

-- Every version of an offer or request: who did what, and the record as it then was.
CREATE TABLE service_revisions (
    aggregate_type TEXT        NOT NULL CHECK (aggregate_type IN ('ServiceOffer', 'ServiceRequest')),
    aggregate_id   UUID        NOT NULL,
    version        BIGINT      NOT NULL,
    action         TEXT        NOT NULL,
    actor          TEXT        NOT NULL,
    reason         TEXT,
    snapshot       JSONB       NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (aggregate_type, aggregate_id, version)
);
