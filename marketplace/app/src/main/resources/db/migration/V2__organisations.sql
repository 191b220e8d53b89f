-- Organisations (机构) and who belongs to them. The checks mirror the rules of the application's
-- domain core (organisation.internal), so data written around the application obeys them too.

-- 统一社会信用代码 (GB 32100): 18 characters of a 31-symbol alphabet, the last a check character
-- over the first 17 (weights 3^i mod 31, check = (31 - sum mod 31) mod 31).
CREATE FUNCTION unified_social_credit_code_is_valid(code TEXT) RETURNS BOOLEAN
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT code ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'
   AND substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
              (31 - (SELECT sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, i, 1)) - 1)
                                * (ARRAY [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])[i])
                     FROM generate_series(1, 17) AS i)::INT % 31) % 31 + 1, 1) = substr(code, 18, 1)
$$;

CREATE TABLE organisations (
    id                   UUID        PRIMARY KEY,
    -- Kept exactly as entered; length in characters (code points), as the API counts it.
    name                 TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    kind                 TEXT        NOT NULL CHECK (kind IN ('UNIVERSITY', 'RESEARCH_INSTITUTE', 'ENTERPRISE',
                                                          'BROKER_AGENCY', 'SERVICE_PROVIDER')),
    credit_code          TEXT        NOT NULL UNIQUE CHECK (unified_social_credit_code_is_valid(credit_code)),
    -- GB/T 2260: six digits, the first two a province-level division.
    region_code          TEXT        NOT NULL
        CHECK (region_code ~ '^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|81|82)[0-9]{4}$'),
    legal_entity_type    TEXT        NOT NULL CHECK (legal_entity_type IN ('GOVERNMENT_AGENCY', 'PUBLIC_INSTITUTION',
                                                          'SOCIAL_ORGANISATION', 'ENTERPRISE', 'OTHER')),
    -- Only public institutions (事业单位) have a subtype, and they must have one.
    legal_entity_subtype TEXT        CHECK (legal_entity_subtype IN ('RESEARCH_INSTITUTION', 'HIGHER_EDUCATION', 'OTHER')),
    verification_status  TEXT        NOT NULL CHECK (verification_status IN ('PENDING', 'VERIFIED', 'REJECTED')),
    -- Why the last verification refused it; present exactly while it is refused.
    rejection_reason     TEXT        CHECK (char_length(rejection_reason) BETWEEN 1 AND 1000),
    registered_by        TEXT        NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    version              BIGINT      NOT NULL DEFAULT 0 CHECK (version >= 0),
    CONSTRAINT organisations_subtype_only_for_public_institutions
        CHECK ((legal_entity_type = 'PUBLIC_INSTITUTION') = (legal_entity_subtype IS NOT NULL)),
    CONSTRAINT organisations_reason_exactly_when_rejected
        CHECK ((verification_status = 'REJECTED') = (rejection_reason IS NOT NULL))
);

-- Public list and moderation queue: by status in id (= registration) order, optionally by region.
CREATE INDEX organisations_by_status ON organisations (verification_status, id);
CREATE INDEX organisations_by_region ON organisations (region_code text_pattern_ops);

CREATE TABLE organisation_members (
    organisation_id UUID        NOT NULL REFERENCES organisations (id),
    -- The member's Keycloak subject; users live in Keycloak, so no personal data is copied here.
    subject         TEXT        NOT NULL CHECK (subject ~ '^[!-~]{1,255}$'),
    role            TEXT        NOT NULL CHECK (role IN ('OWNER', 'EDITOR', 'MEMBER')),
    added_by        TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, subject)
);

-- "My organisations" and permission checks start from the subject.
CREATE INDEX organisation_members_by_subject ON organisation_members (subject);

-- Every change of an organisation or its members, kept for good: who, when, what, at which version.
CREATE TABLE organisation_changes (
    id                   UUID        PRIMARY KEY,
    organisation_id      UUID        NOT NULL REFERENCES organisations (id),
    -- The organisation's version after the change (membership changes do not advance it).
    organisation_version BIGINT      NOT NULL,
    change_type          TEXT        NOT NULL CHECK (change_type IN ('REGISTERED', 'UPDATED', 'VERIFIED', 'REJECTED',
                                                            'MEMBER_ADDED', 'MEMBER_REMOVED')),
    changed_by           TEXT        NOT NULL,
    -- {"field": {"from": …, "to": …}} with the API's field names.
    changes              JSONB       NOT NULL,
    reason               TEXT,
    -- When the change happened.
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX organisation_changes_by_organisation ON organisation_changes (organisation_id, created_at);

-- The history is append-only: an entry once written is never changed or removed.
CREATE FUNCTION organisation_changes_are_append_only() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'organisation_changes is append-only';
END
$$;

CREATE TRIGGER organisation_changes_append_only
    BEFORE UPDATE OR DELETE ON organisation_changes
    FOR EACH ROW EXECUTE FUNCTION organisation_changes_are_append_only();
