-- The electronic archive (电子档案): every service a commissioner delivers, confirmed (or disputed)
-- by the served organisation.
CREATE TABLE commissioner_service_records (
    id                      UUID        PRIMARY KEY,
    commissioner_id         UUID        NOT NULL REFERENCES commissioners (id),
    served_organisation_id  UUID        NOT NULL REFERENCES organisations (id),
    village_code            TEXT        REFERENCES villages (code),
    place                   TEXT        NOT NULL CHECK (char_length(place) BETWEEN 1 AND 200),
    content                 TEXT        NOT NULL CHECK (char_length(content) BETWEEN 1 AND 4000),
    outcome                 TEXT        NOT NULL CHECK (char_length(outcome) BETWEEN 1 AND 4000),
    served_on               DATE        NOT NULL,
    status                  TEXT        NOT NULL CHECK (status IN ('FILED', 'CONFIRMED', 'DISPUTED')),
    confirmed_by            TEXT,
    confirmed_at            TIMESTAMPTZ,
    confirmation_note       TEXT        CHECK (char_length(confirmation_note) <= 1000),
    filed_by                TEXT        NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                 BIGINT      NOT NULL DEFAULT 1,
    CHECK ((status = 'FILED') = (confirmed_at IS NULL))
);
CREATE INDEX commissioner_service_records_by_commissioner ON commissioner_service_records (commissioner_id, served_on);
CREATE INDEX commissioner_service_records_by_served ON commissioner_service_records (served_organisation_id, served_on);
