-- S&T commissioners (科技特派员, package commissioner): applications with the employer's and (for
-- enterprise commissioners) the served enterprise's consent, the bureau's decision reviewed with HR,
-- and the roster of selected people with their appointment letter (聘书) number.

CREATE TABLE commissioner_applications (
    id                        UUID        PRIMARY KEY,
    applicant_subject         TEXT        NOT NULL,
    name                      TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    type                      TEXT        NOT NULL CHECK (type IN ('RURAL', 'ENTERPRISE', 'COMMUNITY')),
    profile                   TEXT        NOT NULL CHECK (char_length(profile) BETWEEN 1 AND 4000),
    expertise                 TEXT        NOT NULL CHECK (char_length(expertise) BETWEEN 1 AND 500),
    -- The dispatching unit (派出单位); the applicant is one of its members.
    employer_id               UUID        NOT NULL REFERENCES organisations (id),
    -- The served enterprise of an enterprise commissioner (two-way selection), else absent.
    served_organisation_id    UUID        REFERENCES organisations (id),
    -- The village, community or unit served, as named in the application.
    served_unit_name          TEXT        CHECK (char_length(served_unit_name) BETWEEN 1 AND 200),
    -- The county (or the city) whose government selects and manages the commissioner.
    region_code               TEXT        NOT NULL CHECK (region_code ~ '^6208[0-9]{2}$'),
    village_codes             TEXT[]      NOT NULL DEFAULT '{}',
    three_regions_talent      BOOLEAN     NOT NULL,
    status                    TEXT        NOT NULL CHECK (status IN ('AWAITING_CONSENT', 'IN_REVIEW', 'APPROVED',
                                                                     'REJECTED', 'CONSENT_REFUSED', 'WITHDRAWN')),
    employer_consent          TEXT        CHECK (employer_consent IN ('GIVEN', 'REFUSED')),
    employer_consent_by       TEXT,
    employer_consent_at       TIMESTAMPTZ,
    employer_consent_note     TEXT        CHECK (char_length(employer_consent_note) <= 1000),
    enterprise_consent        TEXT        CHECK (enterprise_consent IN ('GIVEN', 'REFUSED')),
    enterprise_consent_by     TEXT,
    enterprise_consent_at     TIMESTAMPTZ,
    enterprise_consent_note   TEXT        CHECK (char_length(enterprise_consent_note) <= 1000),
    -- The bureau's decision, reviewed together with the HR bureau (人社部门): who, when, why.
    hr_opinion                TEXT        CHECK (char_length(hr_opinion) BETWEEN 1 AND 2000),
    decided_by                TEXT,
    decided_at                TIMESTAMPTZ,
    decision_reason           TEXT        CHECK (char_length(decision_reason) BETWEEN 1 AND 2000),
    created_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                   BIGINT      NOT NULL DEFAULT 1,
    CONSTRAINT commissioner_applications_enterprise_served
        CHECK ((type = 'ENTERPRISE') = (served_organisation_id IS NOT NULL)),
    CONSTRAINT commissioner_applications_decided
        CHECK ((status IN ('APPROVED', 'REJECTED')) = (decided_at IS NOT NULL))
);
-- At most one open application per person.
CREATE UNIQUE INDEX commissioner_applications_one_open ON commissioner_applications (applicant_subject)
    WHERE status IN ('AWAITING_CONSENT', 'IN_REVIEW');
CREATE INDEX commissioner_applications_by_status ON commissioner_applications (status, created_at);
CREATE INDEX commissioner_applications_by_employer ON commissioner_applications (employer_id);
CREATE INDEX commissioner_applications_by_served ON commissioner_applications (served_organisation_id);

-- One row per person ever selected; a person who left (EXITED) and is selected again gets the row back.
CREATE TABLE commissioners (
    id                      UUID        PRIMARY KEY,
    person_subject          TEXT        NOT NULL UNIQUE,
    application_id          UUID        NOT NULL REFERENCES commissioner_applications (id),
    name                    TEXT        NOT NULL,
    type                    TEXT        NOT NULL CHECK (type IN ('RURAL', 'ENTERPRISE', 'COMMUNITY')),
    expertise               TEXT        NOT NULL,
    employer_id             UUID        NOT NULL REFERENCES organisations (id),
    served_organisation_id  UUID        REFERENCES organisations (id),
    served_unit_name        TEXT,
    region_code             TEXT        NOT NULL,
    three_regions_talent    BOOLEAN     NOT NULL,
    standing                TEXT        NOT NULL CHECK (standing IN ('SELECTED', 'EXITED', 'REMOVED')),
    selected_at             TIMESTAMPTZ NOT NULL,
    -- 聘书 number, e.g. 平科特聘〔2026〕0007号; unique for ever.
    certificate_number      TEXT        NOT NULL UNIQUE,
    -- Honest exit (不称职 or resignation): kept apart from removal for misconduct.
    exited_at               TIMESTAMPTZ,
    exit_reason             TEXT,
    removed_at              TIMESTAMPTZ,
    removed_by              TEXT,
    removal_reason          TEXT,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                 BIGINT      NOT NULL DEFAULT 1
);
CREATE INDEX commissioners_by_standing ON commissioners (standing, region_code);
CREATE INDEX commissioners_by_employer ON commissioners (employer_id);

CREATE TABLE commissioner_certificate_counters (
    year        INTEGER PRIMARY KEY,
    last_number INTEGER NOT NULL
);

-- The three-party management and service agreement (管理单位, 派出单位, 服务单位).
CREATE TABLE commissioner_agreements (
    id                      UUID        PRIMARY KEY,
    commissioner_id         UUID        NOT NULL REFERENCES commissioners (id),
    managing_unit           TEXT        NOT NULL CHECK (char_length(managing_unit) BETWEEN 1 AND 200),
    dispatching_unit_id     UUID        NOT NULL REFERENCES organisations (id),
    served_unit_name        TEXT        NOT NULL CHECK (char_length(served_unit_name) BETWEEN 1 AND 200),
    served_organisation_id  UUID        REFERENCES organisations (id),
    signed_on               DATE        NOT NULL,
    valid_from              DATE        NOT NULL,
    valid_until             DATE        NOT NULL CHECK (valid_until >= valid_from),
    duties                  TEXT        NOT NULL CHECK (char_length(duties) BETWEEN 1 AND 4000),
    recorded_by             TEXT        NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX commissioner_agreements_by_commissioner ON commissioner_agreements (commissioner_id, created_at);
