-- Technology contracts (技术合同): drafts made from accepted offers, signatures, registration
-- (技术合同认定登记) and performance. The parties' registration identity (name, credit code, region,
-- legal-entity type) is copied onto the contract when it is drafted, so later changes of an
-- organisation never rewrite a signed or registered contract. Money is whole fen.

CREATE TABLE contracts (
    id                            UUID        PRIMARY KEY,
    negotiation_id                UUID        NOT NULL UNIQUE,
    offer_id                      UUID        NOT NULL,
    listing_type                  TEXT,
    listing_id                    UUID,
    status                        TEXT        NOT NULL CHECK (status IN ('DRAFT', 'AWAITING_SIGNATURES', 'SIGNED',
                                      'SUBMITTED', 'REGISTERED', 'REJECTED', 'IN_PERFORMANCE', 'COMPLETED', 'TERMINATED')),
    status_reason                 TEXT        CHECK (char_length(status_reason) <= 1000),
    contract_type                 TEXT        NOT NULL,
    contract_subtype              TEXT,
    project_name                  TEXT        NOT NULL CHECK (char_length(project_name) BETWEEN 1 AND 200),
    scope                         TEXT        CHECK (char_length(scope) <= 5000),
    term_months                   INTEGER     NOT NULL CHECK (term_months >= 0),
    seller_organisation_id        UUID        NOT NULL REFERENCES organisations (id),
    seller_name                   TEXT        NOT NULL,
    seller_credit_code            CHAR(18)    NOT NULL,
    seller_country_code           CHAR(3)     NOT NULL,
    seller_region_code            CHAR(6)     NOT NULL,
    seller_legal_category         TEXT        NOT NULL,
    seller_legal_subtype          TEXT,
    buyer_organisation_id         UUID        NOT NULL REFERENCES organisations (id),
    buyer_name                    TEXT        NOT NULL,
    buyer_credit_code             CHAR(18)    NOT NULL,
    buyer_country_code            CHAR(3)     NOT NULL,
    buyer_region_code             CHAR(6)     NOT NULL,
    buyer_legal_category          TEXT        NOT NULL,
    buyer_legal_subtype           TEXT,
    broker_organisation_id        UUID,
    broker_subject                TEXT,
    broker_commission_bp          INTEGER     CHECK (broker_commission_bp BETWEEN 0 AND 10000),
    total_fen                     BIGINT      NOT NULL CHECK (total_fen >= 0),
    equipment_fen                 BIGINT      NOT NULL DEFAULT 0 CHECK (equipment_fen >= 0),
    instruments_fen               BIGINT      NOT NULL DEFAULT 0 CHECK (instruments_fen >= 0),
    parts_fen                     BIGINT      NOT NULL DEFAULT 0 CHECK (parts_fen >= 0),
    raw_materials_fen             BIGINT      NOT NULL DEFAULT 0 CHECK (raw_materials_fen >= 0),
    carrier_samples_fen           BIGINT      NOT NULL DEFAULT 0 CHECK (carrier_samples_fen >= 0),
    technical_transaction_fen     BIGINT      NOT NULL CHECK (technical_transaction_fen >= 0),
    expected_new_investment_fen   BIGINT      CHECK (expected_new_investment_fen >= 0),
    expected_new_output_fen       BIGINT      CHECK (expected_new_output_fen >= 0),
    technology_field              TEXT,
    ip_involvement                TEXT[]      NOT NULL DEFAULT '{}',
    plan_source                   TEXT,
    signing_date                  DATE,
    valid_from                    DATE,
    valid_until                   DATE,
    registration_number           CHAR(16)    UNIQUE,
    rule_set                      TEXT,
    submitted_at                  TIMESTAMPTZ,
    registered_at                 TIMESTAMPTZ,
    registered_by                 TEXT,
    created_by                    TEXT        NOT NULL,
    created_at                    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                    TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                       BIGINT      NOT NULL,
    -- 技术交易额 = total minus equipment, instruments, parts and raw materials (carrier samples stay in).
    CHECK (technical_transaction_fen = total_fen - equipment_fen - instruments_fen - parts_fen - raw_materials_fen),
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from),
    CHECK ((registration_number IS NULL) = (registered_at IS NULL))
);
CREATE INDEX contracts_by_seller ON contracts (seller_organisation_id, updated_at DESC);
CREATE INDEX contracts_by_buyer ON contracts (buyer_organisation_id, updated_at DESC);
CREATE INDEX contracts_registration_desk ON contracts (status, submitted_at, id) WHERE submitted_at IS NOT NULL;
CREATE INDEX contracts_registered ON contracts (registered_at) WHERE registered_at IS NOT NULL;

-- The payment schedule (付款节点) and its performance: the seller delivers, the buyer accepts.
CREATE TABLE contract_milestones (
    id             UUID        PRIMARY KEY,
    contract_id    UUID        NOT NULL REFERENCES contracts (id),
    sequence       INTEGER     NOT NULL CHECK (sequence >= 1),
    title          TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    amount_fen     BIGINT      NOT NULL CHECK (amount_fen >= 0),
    due_date       DATE,
    status         TEXT        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'ACCEPTED', 'CANCELLED')),
    delivered_at   TIMESTAMPTZ,
    delivered_by   TEXT,
    accepted_at    TIMESTAMPTZ,
    accepted_by    TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (contract_id, sequence)
);

-- Consents of a party: its signature (签署), or its agreement to end the contract (协议解除).
CREATE TABLE contract_consents (
    contract_id    UUID        NOT NULL REFERENCES contracts (id),
    kind           TEXT        NOT NULL CHECK (kind IN ('SIGNATURE', 'TERMINATION')),
    party          TEXT        NOT NULL CHECK (party IN ('SELLER', 'BUYER')),
    subject        TEXT        NOT NULL,
    reason         TEXT        CHECK (char_length(reason) <= 1000),
    given_at       TIMESTAMPTZ NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (contract_id, kind, party)
);

-- Registration numbers: one counter per registration year and region, taken under a row lock.
CREATE TABLE contract_registration_counters (
    year           INTEGER     NOT NULL,
    region_code    CHAR(6)     NOT NULL,
    last_sequence  INTEGER     NOT NULL CHECK (last_sequence BETWEEN 0 AND 999999),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (year, region_code)
);

-- The append-only, hash-chained audit log of every contract event. Each entry's hash covers its
-- canonical fields and the previous entry's hash, so any later edit breaks the chain; the trigger
-- below refuses UPDATE, DELETE and TRUNCATE for everybody who does not first switch it off.
CREATE TABLE contract_audit_log (
    contract_id     UUID        NOT NULL REFERENCES contracts (id),
    sequence        INTEGER     NOT NULL CHECK (sequence >= 1),
    event           TEXT        NOT NULL,
    actor           TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    payload         TEXT        NOT NULL,
    payload_digest  CHAR(64)    NOT NULL,
    previous_hash   CHAR(64)    NOT NULL,
    hash            CHAR(64)    NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (contract_id, sequence)
);

CREATE FUNCTION contract_audit_log_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'contract_audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER contract_audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON contract_audit_log
    FOR EACH ROW EXECUTE FUNCTION contract_audit_log_append_only();

CREATE TRIGGER contract_audit_log_no_truncate
    BEFORE TRUNCATE ON contract_audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION contract_audit_log_append_only();
