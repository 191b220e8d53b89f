-- Villages (行政村) as reference data for coverage: which villages, and which poor villages (贫困村),
-- have at least one active commissioner. Loaded by the demo profile or by the bureau; the codes follow
-- the 12-digit statistical division pattern (county code + township + village).
CREATE TABLE villages (
    code         TEXT        PRIMARY KEY CHECK (code ~ '^6208[0-9]{8}$'),
    name         TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    township     TEXT        NOT NULL CHECK (char_length(township) BETWEEN 1 AND 100),
    county_code  TEXT        NOT NULL CHECK (county_code ~ '^6208[0-9]{2}$'),
    poor         BOOLEAN     NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX villages_by_county ON villages (county_code, code);

CREATE TABLE commissioner_villages (
    commissioner_id  UUID NOT NULL REFERENCES commissioners (id),
    village_code     TEXT NOT NULL REFERENCES villages (code),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (commissioner_id, village_code)
);
CREATE INDEX commissioner_villages_by_village ON commissioner_villages (village_code);
