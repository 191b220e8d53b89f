-- Credit (package credit): finished engagements whose parties may rate each other, and the
-- integrity blacklist (失信名单) of organisations and people barred from trading for misconduct.

-- One row per finished contract, service or booking; recorded by the owning feature in its own
-- transaction. A party is an organisation, a person, or a person acting for an organisation.
CREATE TABLE credit_engagements (
    id            UUID        PRIMARY KEY,
    kind          TEXT        NOT NULL CHECK (kind IN ('CONTRACT', 'SERVICE', 'BOOKING')),
    reference_id  UUID        NOT NULL,
    completed_at  TIMESTAMPTZ NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (kind, reference_id)
);

CREATE TABLE credit_engagement_parties (
    engagement_id   UUID NOT NULL REFERENCES credit_engagements (id),
    position        INTEGER NOT NULL,
    role            TEXT NOT NULL,
    organisation_id UUID,
    person_subject  TEXT,
    PRIMARY KEY (engagement_id, position),
    CHECK (organisation_id IS NOT NULL OR person_subject IS NOT NULL)
);
CREATE INDEX credit_engagement_parties_organisation ON credit_engagement_parties (organisation_id);
CREATE INDEX credit_engagement_parties_person ON credit_engagement_parties (person_subject);

-- Misconduct bans. An honest failure is never recorded here. A ban is lifted by setting lifted_at;
-- at most one ban is in force per subject.
CREATE TABLE trading_bans (
    id              UUID        PRIMARY KEY,
    organisation_id UUID,
    person_subject  TEXT,
    reason          TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    decided_by      TEXT        NOT NULL,
    imposed_at      TIMESTAMPTZ NOT NULL,
    lifted_at       TIMESTAMPTZ,
    lifted_by       TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    version         BIGINT      NOT NULL DEFAULT 1,
    CHECK ((organisation_id IS NULL) <> (person_subject IS NULL))
);
CREATE UNIQUE INDEX trading_bans_organisation_in_force ON trading_bans (organisation_id)
    WHERE organisation_id IS NOT NULL AND lifted_at IS NULL;
CREATE UNIQUE INDEX trading_bans_person_in_force ON trading_bans (person_subject)
    WHERE person_subject IS NOT NULL AND lifted_at IS NULL;
