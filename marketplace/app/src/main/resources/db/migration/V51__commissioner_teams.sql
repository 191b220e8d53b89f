-- Commissioner teams (科技特派员创新创业团队, at least 3 selected commissioners) and the demonstration
-- bases (科技示范基地) they work in; both registered by the bureau.
CREATE TABLE commissioner_teams (
    id           UUID        PRIMARY KEY,
    name         TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    region_code  TEXT        NOT NULL CHECK (region_code ~ '^6208[0-9]{2}$'),
    focus        TEXT        NOT NULL CHECK (char_length(focus) BETWEEN 1 AND 500),
    leader_id    UUID        NOT NULL REFERENCES commissioners (id),
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    version      BIGINT      NOT NULL DEFAULT 1
);

CREATE TABLE commissioner_team_members (
    team_id          UUID NOT NULL REFERENCES commissioner_teams (id),
    commissioner_id  UUID NOT NULL REFERENCES commissioners (id),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, commissioner_id)
);

CREATE TABLE commissioner_demonstration_bases (
    id            UUID        PRIMARY KEY,
    name          TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    region_code   TEXT        NOT NULL CHECK (region_code ~ '^6208[0-9]{2}$'),
    village_code  TEXT,
    team_id       UUID        REFERENCES commissioner_teams (id),
    established_on DATE       NOT NULL,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
