-- Research-instrument sharing (科研仪器开放共享, package instrument): institutions list large
-- instruments with weekly availability windows; enterprises book whole hours of them.

-- btree_gist lets one exclusion constraint compare the instrument (=) and the time range (&&).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE instruments (
    id                     UUID        PRIMARY KEY,
    organisation_id        UUID        NOT NULL REFERENCES organisations (id),
    name                   TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    model                  TEXT        NOT NULL CHECK (length(model) BETWEEN 1 AND 200),
    category               TEXT        NOT NULL,
    description            TEXT        NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    location               TEXT        NOT NULL CHECK (length(location) BETWEEN 1 AND 500),
    county_code            TEXT        NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    hourly_fee_fen         BIGINT      NOT NULL CHECK (hourly_fee_fen >= 0),
    booking_rules          TEXT        NOT NULL DEFAULT '' CHECK (length(booking_rules) <= 2000),
    max_hours_per_booking  INTEGER     NOT NULL CHECK (max_hours_per_booking BETWEEN 1 AND 24),
    min_notice_hours       INTEGER     NOT NULL CHECK (min_notice_hours BETWEEN 0 AND 720),
    status                 TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
    created_by             TEXT        NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    version                BIGINT      NOT NULL
);
CREATE INDEX instruments_public ON instruments (created_at DESC, id DESC) WHERE status = 'ACTIVE';
CREATE INDEX instruments_organisation ON instruments (organisation_id);

-- Weekly windows in local time (Asia/Shanghai), whole hours; bookings must lie inside one window.
CREATE TABLE instrument_availability (
    instrument_id UUID     NOT NULL REFERENCES instruments (id) ON DELETE CASCADE,
    day_of_week   SMALLINT NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    start_hour    SMALLINT NOT NULL CHECK (start_hour BETWEEN 0 AND 23),
    end_hour      SMALLINT NOT NULL CHECK (end_hour BETWEEN 1 AND 24),
    CHECK (start_hour < end_hour),
    PRIMARY KEY (instrument_id, day_of_week, start_hour)
);

-- No double booking, enforced by PostgreSQL: two live bookings of one instrument never overlap,
-- whatever the application does (a cancelled booking releases its slot).
CREATE TABLE instrument_bookings (
    id                      UUID        PRIMARY KEY,
    instrument_id           UUID        NOT NULL REFERENCES instruments (id),
    provider_organisation_id UUID       NOT NULL REFERENCES organisations (id),
    booker_organisation_id  UUID        NOT NULL REFERENCES organisations (id),
    booked_by               TEXT        NOT NULL,
    starts_at               TIMESTAMPTZ NOT NULL,
    ends_at                 TIMESTAMPTZ NOT NULL,
    hours                   INTEGER     NOT NULL CHECK (hours BETWEEN 1 AND 24),
    fee_fen                 BIGINT      NOT NULL CHECK (fee_fen >= 0),
    purpose                 TEXT        NOT NULL CHECK (length(purpose) BETWEEN 1 AND 1000),
    status                  TEXT        NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'CONFIRMED', 'COMPLETED', 'CANCELLED')),
    order_id                UUID,
    status_reason           TEXT,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    version                 BIGINT      NOT NULL,
    CHECK (starts_at < ends_at),
    CONSTRAINT instrument_bookings_no_overlap EXCLUDE USING gist (
        instrument_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (status <> 'CANCELLED')
);
CREATE INDEX instrument_bookings_booker ON instrument_bookings (booker_organisation_id, starts_at DESC);
CREATE INDEX instrument_bookings_provider ON instrument_bookings (provider_organisation_id, starts_at DESC);
