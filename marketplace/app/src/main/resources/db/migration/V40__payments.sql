-- Payments (package payment): Stripe Connect accounts of payees, one payment per contract milestone,
-- the durable Stripe work queue and the webhook events already applied. Money is whole fen (BIGINT).

-- A seller's or broker's Stripe Connect account (收款账户); its flags follow account.updated webhooks.
CREATE TABLE payout_accounts (
    organisation_id    UUID        PRIMARY KEY,
    stripe_account_id  TEXT        NOT NULL UNIQUE,
    charges_enabled    BOOLEAN     NOT NULL DEFAULT false,
    payouts_enabled    BOOLEAN     NOT NULL DEFAULT false,
    details_submitted  BOOLEAN     NOT NULL DEFAULT false,
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    version            BIGINT      NOT NULL DEFAULT 1
);

-- One payment per milestone, paid into the platform and held until released or refunded. The split
-- is fixed when the payment is requested and always adds up to the amount.
CREATE TABLE milestone_payments (
    id                     UUID        PRIMARY KEY,
    contract_id            UUID        NOT NULL,
    milestone_id           UUID        NOT NULL,
    buyer_organisation_id  UUID        NOT NULL,
    seller_organisation_id UUID        NOT NULL,
    broker_organisation_id UUID,
    amount_fen             BIGINT      NOT NULL CHECK (amount_fen > 0),
    currency               TEXT        NOT NULL,
    platform_fee_fen       BIGINT      NOT NULL CHECK (platform_fee_fen >= 0),
    commission_fen         BIGINT      NOT NULL CHECK (commission_fen >= 0),
    seller_share_fen       BIGINT      NOT NULL CHECK (seller_share_fen >= 0),
    platform_fee_bps       INTEGER     NOT NULL,
    commission_bps         INTEGER     NOT NULL,
    status                 TEXT        NOT NULL,
    payment_intent_id      TEXT        UNIQUE,
    client_secret          TEXT,
    charge_id              TEXT,
    requested_by           TEXT        NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                BIGINT      NOT NULL DEFAULT 1,
    CONSTRAINT milestone_payments_one_per_milestone UNIQUE (contract_id, milestone_id),
    CONSTRAINT milestone_payments_split_adds_up
        CHECK (platform_fee_fen + commission_fen + seller_share_fen = amount_fen)
);

-- What a client's Idempotency-Key on "pay" pointed at: the same key from the same user gets the same
-- payment back, and may not be reused for another milestone.
CREATE TABLE payment_request_keys (
    subject          TEXT        NOT NULL,
    idempotency_key  TEXT        NOT NULL,
    payment_id       UUID        NOT NULL REFERENCES milestone_payments (id),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, idempotency_key)
);

-- The buyer's acceptance of a milestone (PaymentHooks), which may arrive before or after the money.
CREATE TABLE milestone_acceptances (
    contract_id   UUID        NOT NULL,
    milestone_id  UUID        NOT NULL,
    accepted_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (contract_id, milestone_id)
);

-- Terminated contracts (PaymentHooks): no new payments, held money refunded.
CREATE TABLE contract_terminations (
    contract_id    UUID        PRIMARY KEY,
    terminated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every Stripe POST as a durable task with its idempotency key: a worker leases due tasks, calls
-- Stripe and records the result; a failure leaves the task RETRYING with its next attempt time.
CREATE TABLE payment_tasks (
    id                UUID        PRIMARY KEY,
    payment_id        UUID        NOT NULL REFERENCES milestone_payments (id),
    kind              TEXT        NOT NULL,
    idempotency_key   TEXT        NOT NULL UNIQUE,
    amount_fen        BIGINT      NOT NULL CHECK (amount_fen >= 0),
    status            TEXT        NOT NULL CHECK (status IN ('PENDING', 'RETRYING', 'DONE', 'FAILED')),
    attempts          INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    locked_until      TIMESTAMPTZ,
    locked_by         TEXT,
    last_error        TEXT,
    stripe_object_id  TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    version           BIGINT      NOT NULL DEFAULT 1,
    CONSTRAINT payment_tasks_one_per_step UNIQUE (payment_id, kind)
);

CREATE INDEX payment_tasks_due ON payment_tasks (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING');

-- Stripe webhook events already applied: a replayed or duplicated delivery finds its id here.
CREATE TABLE stripe_events (
    event_id     TEXT        PRIMARY KEY,
    type         TEXT        NOT NULL,
    object_id    TEXT,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
