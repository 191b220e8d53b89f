-- Innovation vouchers (创新券, package voucher) and checkout (package checkout): registered service
-- providers and their technology services, the bureau's yearly budget, vouchers issued to small
-- enterprises, orders paid voucher first and card for the rest, reimbursement claims, and the
-- double-entry ledger of every voucher movement. Money is whole fen (BIGINT).

-- Organisations the bureau (ADMIN) registered as voucher service providers (服务机构).
CREATE TABLE voucher_providers (
    organisation_id  UUID        PRIMARY KEY REFERENCES organisations (id),
    registered_by    TEXT        NOT NULL,
    registered_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A provider's published technology service (技术服务), bought through checkout (purpose SERVICE).
CREATE TABLE provider_services (
    id                        UUID        PRIMARY KEY,
    provider_organisation_id  UUID        NOT NULL REFERENCES voucher_providers (organisation_id),
    title                     TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    description               TEXT        NOT NULL CHECK (char_length(description) BETWEEN 1 AND 5000),
    price_fen                 BIGINT      NOT NULL CHECK (price_fen > 0),
    status                    TEXT        NOT NULL CHECK (status IN ('PUBLISHED', 'WITHDRAWN')),
    created_by                TEXT        NOT NULL,
    created_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                   BIGINT      NOT NULL DEFAULT 1
);
CREATE INDEX provider_services_by_provider ON provider_services (provider_organisation_id, id);

-- One purchase of a service: ORDERED → PAID (checkout) → DELIVERED (provider) → CONFIRMED (buyer),
-- or CANCELLED before it is paid.
CREATE TABLE service_orders (
    id                        UUID        PRIMARY KEY,
    service_id                UUID        NOT NULL REFERENCES provider_services (id),
    provider_organisation_id  UUID        NOT NULL,
    buyer_organisation_id     UUID        NOT NULL REFERENCES organisations (id),
    price_fen                 BIGINT      NOT NULL CHECK (price_fen > 0),
    status                    TEXT        NOT NULL CHECK (status IN ('ORDERED', 'PAID', 'DELIVERED', 'CONFIRMED', 'CANCELLED')),
    order_id                  UUID,
    ordered_by                TEXT        NOT NULL,
    created_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                   BIGINT      NOT NULL DEFAULT 1
);
CREATE INDEX service_orders_by_buyer ON service_orders (buyer_organisation_id, id);
CREATE INDEX service_orders_by_provider ON service_orders (provider_organisation_id, id);

-- A small enterprise's declaration (中小企业声明), the third condition of voucher eligibility.
CREATE TABLE small_enterprise_declarations (
    organisation_id     UUID        PRIMARY KEY REFERENCES organisations (id),
    employees           INTEGER     NOT NULL CHECK (employees >= 0),
    annual_revenue_fen  BIGINT      NOT NULL CHECK (annual_revenue_fen >= 0),
    total_assets_fen    BIGINT      NOT NULL CHECK (total_assets_fen >= 0),
    declared_by         TEXT        NOT NULL,
    declared_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The bureau's yearly voucher budget; issued never exceeds the amount (checked by the conditional
-- UPDATE that issues, and by the database).
CREATE TABLE voucher_budgets (
    year        INTEGER     PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    amount_fen  BIGINT      NOT NULL CHECK (amount_fen >= 0),
    issued_fen  BIGINT      NOT NULL DEFAULT 0 CHECK (issued_fen >= 0),
    set_by      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    version     BIGINT      NOT NULL DEFAULT 1,
    CONSTRAINT voucher_budgets_within_amount CHECK (issued_fen <= amount_fen)
);

CREATE TABLE vouchers (
    id               UUID        PRIMARY KEY,
    year             INTEGER     NOT NULL REFERENCES voucher_budgets (year),
    organisation_id  UUID        NOT NULL REFERENCES organisations (id),
    amount_fen       BIGINT      NOT NULL CHECK (amount_fen > 0),
    balance_fen      BIGINT      NOT NULL,
    expires_at       TIMESTAMPTZ NOT NULL,
    issued_by        TEXT        NOT NULL,
    issued_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    version          BIGINT      NOT NULL DEFAULT 1,
    CONSTRAINT vouchers_balance_within_amount CHECK (balance_fen BETWEEN 0 AND amount_fen)
);
CREATE INDEX vouchers_by_organisation ON vouchers (organisation_id, id);

-- Checkout orders (结算单), one per purpose and reference. voucher_fen is what vouchers cover now.
CREATE TABLE checkout_orders (
    id                        UUID        PRIMARY KEY,
    purpose                   TEXT        NOT NULL CHECK (purpose ~ '^[A-Z_]{1,40}$'),
    reference_id              UUID        NOT NULL,
    buyer_organisation_id     UUID        NOT NULL,
    provider_organisation_id  UUID        NOT NULL,
    amount_fen                BIGINT      NOT NULL CHECK (amount_fen > 0),
    voucher_fen               BIGINT      NOT NULL DEFAULT 0,
    currency                  TEXT        NOT NULL,
    description               TEXT        NOT NULL,
    status                    TEXT        NOT NULL CHECK (status IN ('OPEN', 'PAID', 'CANCELLED')),
    requested_by              TEXT        NOT NULL,
    paid_at                   TIMESTAMPTZ,
    cancelled_at              TIMESTAMPTZ,
    cancel_reason             TEXT,
    created_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                   BIGINT      NOT NULL DEFAULT 1,
    CONSTRAINT checkout_orders_one_per_reference UNIQUE (purpose, reference_id),
    CONSTRAINT checkout_orders_voucher_within_amount CHECK (voucher_fen BETWEEN 0 AND amount_fen)
);
CREATE INDEX checkout_orders_by_provider ON checkout_orders (provider_organisation_id, id);

-- The voucher part of an order, one row per redemption; RETURNED when the order was cancelled.
CREATE TABLE voucher_redemptions (
    id          UUID        PRIMARY KEY,
    order_id    UUID        NOT NULL REFERENCES checkout_orders (id),
    voucher_id  UUID        NOT NULL REFERENCES vouchers (id),
    amount_fen  BIGINT      NOT NULL CHECK (amount_fen > 0),
    status      TEXT        NOT NULL CHECK (status IN ('APPLIED', 'RETURNED')),
    redeemed_by TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    returned_at TIMESTAMPTZ
);
CREATE INDEX voucher_redemptions_by_order ON voucher_redemptions (order_id);
CREATE INDEX voucher_redemptions_by_voucher ON voucher_redemptions (voucher_id);

-- A client's Idempotency-Key on an order action: the same key from the same user answers the first
-- result, and may not be reused for another order or action.
CREATE TABLE checkout_request_keys (
    subject          TEXT        NOT NULL,
    idempotency_key  TEXT        NOT NULL,
    order_id         UUID        NOT NULL REFERENCES checkout_orders (id),
    action           TEXT        NOT NULL,
    result_id        UUID,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, idempotency_key)
);

-- The card part of an order: one Stripe PaymentIntent, created by a durable task (idempotency key
-- pi:order:{orderId}:v1; RETRYING with next_attempt_at after a failure that may pass, leased with
-- FOR UPDATE SKIP LOCKED), then SUCCEEDED by the payment_intent.succeeded webhook.
CREATE TABLE order_card_payments (
    order_id           UUID        PRIMARY KEY REFERENCES checkout_orders (id),
    amount_fen         BIGINT      NOT NULL CHECK (amount_fen > 0),
    currency           TEXT        NOT NULL,
    idempotency_key    TEXT        NOT NULL UNIQUE,
    status             TEXT        NOT NULL CHECK (status IN ('CREATING', 'RETRYING', 'AWAITING_PAYMENT', 'SUCCEEDED',
                                                          'FAILED', 'CANCELLED')),
    payment_intent_id  TEXT        UNIQUE,
    client_secret      TEXT,
    charge_id          TEXT,
    attempts           INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    locked_until       TIMESTAMPTZ,
    locked_by          TEXT,
    last_error         TEXT,
    requested_by       TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX order_card_payments_due ON order_card_payments (next_attempt_at) WHERE status IN ('CREATING', 'RETRYING');

-- A provider's claim for the voucher part of its delivered orders; the bureau approves or rejects.
CREATE TABLE reimbursement_claims (
    id                        UUID        PRIMARY KEY,
    provider_organisation_id  UUID        NOT NULL REFERENCES voucher_providers (organisation_id),
    amount_fen                BIGINT      NOT NULL CHECK (amount_fen > 0),
    status                    TEXT        NOT NULL CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED')),
    claimed_by                TEXT        NOT NULL,
    decided_by                TEXT,
    decided_at                TIMESTAMPTZ,
    rejection_reason          TEXT,
    created_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                   BIGINT      NOT NULL DEFAULT 1,
    CONSTRAINT reimbursement_claims_reason_when_rejected CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL))
);

-- The orders a claim covers. An order is in at most one live (submitted or approved) claim.
CREATE TABLE reimbursement_claim_orders (
    claim_id    UUID    NOT NULL REFERENCES reimbursement_claims (id),
    order_id    UUID    NOT NULL REFERENCES checkout_orders (id),
    amount_fen  BIGINT  NOT NULL CHECK (amount_fen > 0),
    live        BOOLEAN NOT NULL DEFAULT true,
    PRIMARY KEY (claim_id, order_id)
);
CREATE UNIQUE INDEX reimbursement_claim_orders_one_live ON reimbursement_claim_orders (order_id) WHERE live;

-- The double-entry ledger. Accounts: BUDGET:{year} → VOUCHER:{id} → ORDER:{id} →
-- PROVIDER_PAYABLE:{organisation} → REIMBURSED:{organisation}. Each transaction's entries sum to zero,
-- checked at commit by a deferred constraint trigger.
CREATE TABLE voucher_ledger_transactions (
    id            UUID        PRIMARY KEY,
    kind          TEXT        NOT NULL CHECK (kind IN ('ISSUE', 'REDEEM', 'RETURN', 'SETTLE', 'REIMBURSE')),
    reference_id  UUID        NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    recorded_by   TEXT        NOT NULL
);
CREATE INDEX voucher_ledger_transactions_by_time ON voucher_ledger_transactions (occurred_at);

CREATE TABLE voucher_ledger_entries (
    transaction_id  UUID    NOT NULL REFERENCES voucher_ledger_transactions (id),
    position        INTEGER NOT NULL,
    account_type    TEXT    NOT NULL CHECK (account_type IN ('BUDGET', 'VOUCHER', 'ORDER', 'PROVIDER_PAYABLE', 'REIMBURSED')),
    account_id      TEXT    NOT NULL,
    amount_fen      BIGINT  NOT NULL CHECK (amount_fen <> 0),
    PRIMARY KEY (transaction_id, position)
);
CREATE INDEX voucher_ledger_entries_by_account ON voucher_ledger_entries (account_type, account_id);

CREATE FUNCTION voucher_ledger_transaction_balances() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
DECLARE
    total NUMERIC;
    entries INTEGER;
BEGIN
    SELECT coalesce(sum(amount_fen), 0), count(*) INTO total, entries
    FROM voucher_ledger_entries WHERE transaction_id = NEW.transaction_id;
    IF total <> 0 OR entries < 2 THEN
        RAISE EXCEPTION 'voucher ledger transaction % does not balance (sum %, % entries)',
            NEW.transaction_id, total, entries;
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER voucher_ledger_entries_balance
    AFTER INSERT ON voucher_ledger_entries DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION voucher_ledger_transaction_balances();

-- The ledger is append-only.
CREATE FUNCTION voucher_ledger_is_append_only() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the voucher ledger is append-only';
END
$$;

CREATE TRIGGER voucher_ledger_entries_append_only
    BEFORE UPDATE OR DELETE ON voucher_ledger_entries
    FOR EACH ROW EXECUTE FUNCTION voucher_ledger_is_append_only();
CREATE TRIGGER voucher_ledger_transactions_append_only
    BEFORE UPDATE OR DELETE ON voucher_ledger_transactions
    FOR EACH ROW EXECUTE FUNCTION voucher_ledger_is_append_only();
