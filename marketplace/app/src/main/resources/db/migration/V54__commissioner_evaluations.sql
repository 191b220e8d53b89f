-- Annual evaluation (年度考核): 优秀 / 称职 / 不称职 per commissioner and year, decided by the bureau
-- with feedback from served organisations. The share of 优秀 is capped per year and managing region
-- (techmarket.commissioners.excellent-quota-percent); 不称职 means exit, never a ban.
CREATE TABLE commissioner_evaluations (
    year             INTEGER     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    commissioner_id  UUID        NOT NULL REFERENCES commissioners (id),
    region_code      TEXT        NOT NULL,
    grade            TEXT        NOT NULL CHECK (grade IN ('EXCELLENT', 'COMPETENT', 'INCOMPETENT')),
    comment          TEXT        CHECK (char_length(comment) <= 2000),
    decided_by       TEXT        NOT NULL,
    decided_at       TIMESTAMPTZ NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (year, commissioner_id)
);
CREATE INDEX commissioner_evaluations_by_region ON commissioner_evaluations (year, region_code, grade);

CREATE TABLE commissioner_evaluation_feedback (
    year             INTEGER     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    commissioner_id  UUID        NOT NULL REFERENCES commissioners (id),
    organisation_id  UUID        NOT NULL REFERENCES organisations (id),
    rating           TEXT        NOT NULL CHECK (rating IN ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    comment          TEXT        CHECK (char_length(comment) <= 2000),
    given_by         TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (year, commissioner_id, organisation_id)
);
