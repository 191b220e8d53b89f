-- Credit (package credit): the ratings the parties of a finished engagement give each other, and
-- what the public blacklist shows about a ban.

-- One rating per engagement, rating side and rated side (positions in credit_engagement_parties).
-- The rated party is copied so credit profiles read one table.
CREATE TABLE credit_ratings (
    id                    UUID        PRIMARY KEY,
    engagement_id         UUID        NOT NULL REFERENCES credit_engagements (id),
    rater_position        INTEGER     NOT NULL,
    rated_position        INTEGER     NOT NULL,
    rater_subject         TEXT        NOT NULL,
    rated_organisation_id UUID,
    rated_person_subject  TEXT,
    stars                 SMALLINT    NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment               TEXT        CHECK (comment IS NULL OR length(comment) BETWEEN 1 AND 1000),
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (engagement_id, rater_position, rated_position),
    CHECK (rater_position <> rated_position),
    FOREIGN KEY (engagement_id, rater_position) REFERENCES credit_engagement_parties (engagement_id, position),
    FOREIGN KEY (engagement_id, rated_position) REFERENCES credit_engagement_parties (engagement_id, position)
);
CREATE INDEX credit_ratings_rated_organisation ON credit_ratings (rated_organisation_id, created_at DESC);
CREATE INDEX credit_ratings_rated_person ON credit_ratings (rated_person_subject, created_at DESC);

-- A banned person has no organisation name to show: the bureau names them when it bans them.
-- Lifting a ban records why.
ALTER TABLE trading_bans ADD COLUMN subject_name TEXT CHECK (subject_name IS NULL OR length(subject_name) BETWEEN 1 AND 200);
ALTER TABLE trading_bans ADD COLUMN lift_reason TEXT CHECK (lift_reason IS NULL OR length(lift_reason) BETWEEN 1 AND 2000);
CREATE INDEX trading_bans_imposed ON trading_bans (imposed_at DESC, id DESC);
