-- Negotiation (洽谈): private rooms between two organisations about one listing, with messages,
-- structured offers, an optional NDA (保密协议) and a broker (技术经纪人). Every change of a room bumps
-- negotiations.version, which is the aggregate version of its outbox events (V3).

CREATE TABLE negotiations (
    id                           UUID        PRIMARY KEY,
    listing_type                 TEXT        NOT NULL CHECK (listing_type IN ('ACHIEVEMENT', 'DEMAND')),
    listing_id                   UUID        NOT NULL,
    listing_title                TEXT        NOT NULL,
    holder_organisation_id       UUID        NOT NULL REFERENCES organisations (id),
    inquirer_organisation_id     UUID        NOT NULL REFERENCES organisations (id),
    seller_organisation_id       UUID        NOT NULL REFERENCES organisations (id),
    buyer_organisation_id        UUID        NOT NULL REFERENCES organisations (id),
    status                       TEXT        NOT NULL CHECK (status IN ('OPEN', 'AGREED')),
    opened_by                    TEXT        NOT NULL,
    proposal_id                  UUID,
    nda_required_by              TEXT,
    nda_required_at              TIMESTAMPTZ,
    nda_acknowledged_by          TEXT,
    nda_acknowledged_at          TIMESTAMPTZ,
    broker_organisation_id       UUID        REFERENCES organisations (id),
    broker_subject               TEXT,
    commission_basis_points      INTEGER     CHECK (commission_basis_points BETWEEN 0 AND 10000),
    commission_agreed_by_seller  TEXT,
    commission_agreed_by_buyer   TEXT,
    accepted_offer_id            UUID,
    contract_id                  UUID,
    created_at                   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                   TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                      BIGINT      NOT NULL,
    CHECK (holder_organisation_id <> inquirer_organisation_id),
    CHECK ((broker_subject IS NULL) = (commission_basis_points IS NULL)),
    CHECK ((status = 'AGREED') = (contract_id IS NOT NULL))
);
-- One open room per listing and inquiring organisation; a second inquiry gets the existing room.
CREATE UNIQUE INDEX negotiations_one_open_room ON negotiations (listing_id, inquirer_organisation_id) WHERE status = 'OPEN';
CREATE INDEX negotiations_by_seller ON negotiations (seller_organisation_id, created_at DESC, id DESC);
CREATE INDEX negotiations_by_buyer ON negotiations (buyer_organisation_id, created_at DESC, id DESC);
CREATE INDEX negotiations_by_broker ON negotiations (broker_subject, created_at DESC, id DESC) WHERE broker_subject IS NOT NULL;

CREATE TABLE negotiation_messages (
    id                      UUID        PRIMARY KEY,
    negotiation_id          UUID        NOT NULL REFERENCES negotiations (id),
    author_subject          TEXT        NOT NULL,
    author_side             TEXT        NOT NULL CHECK (author_side IN ('SELLER', 'BUYER', 'BROKER')),
    body                    TEXT        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
    confidential            BOOLEAN     NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX negotiation_messages_by_room ON negotiation_messages (negotiation_id, created_at DESC, id DESC);

CREATE TABLE negotiation_offers (
    id                      UUID        PRIMARY KEY,
    negotiation_id          UUID        NOT NULL REFERENCES negotiations (id),
    made_by_side            TEXT        NOT NULL CHECK (made_by_side IN ('SELLER', 'BUYER')),
    made_by_subject         TEXT        NOT NULL,
    status                  TEXT        NOT NULL CHECK (status IN ('OPEN', 'SUPERSEDED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')),
    price_fen               BIGINT      NOT NULL CHECK (price_fen > 0),
    currency                CHAR(3)     NOT NULL,
    contract_type           TEXT        NOT NULL,
    contract_subtype        TEXT,
    scope                   TEXT        NOT NULL CHECK (char_length(scope) BETWEEN 1 AND 5000),
    term_months             INTEGER     NOT NULL CHECK (term_months BETWEEN 1 AND 120),
    expires_at              TIMESTAMPTZ NOT NULL,
    milestones              JSONB       NOT NULL,
    decided_by              TEXT,
    decided_at              TIMESTAMPTZ,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX negotiation_offers_by_room ON negotiation_offers (negotiation_id, created_at DESC, id DESC);
-- At most one open offer (a new one supersedes it) and one accepted offer per room, whatever races.
CREATE UNIQUE INDEX negotiation_offers_one_open ON negotiation_offers (negotiation_id) WHERE status = 'OPEN';
CREATE UNIQUE INDEX negotiation_offers_one_accepted ON negotiation_offers (negotiation_id) WHERE status = 'ACCEPTED';
CREATE INDEX negotiation_offers_expiring ON negotiation_offers (expires_at) WHERE status = 'OPEN';

-- Idempotency-Key of offer and acceptance POSTs: a replay answers with the first result.
CREATE TABLE negotiation_idempotency_keys (
    subject                 TEXT        NOT NULL,
    idempotency_key         TEXT        NOT NULL CHECK (char_length(idempotency_key) BETWEEN 1 AND 200),
    operation               TEXT        NOT NULL,
    target_id               UUID        NOT NULL,
    result_id               UUID        NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, idempotency_key)
);

-- A party invites a broker into a room; the broker joins when the other party has agreed to the
-- commission and the broker has accepted.
CREATE TABLE broker_invitations (
    id                       UUID        PRIMARY KEY,
    negotiation_id           UUID        NOT NULL REFERENCES negotiations (id),
    broker_organisation_id   UUID        NOT NULL REFERENCES organisations (id),
    broker_subject           TEXT        NOT NULL,
    commission_basis_points  INTEGER     NOT NULL CHECK (commission_basis_points BETWEEN 0 AND 10000),
    invited_by_subject       TEXT        NOT NULL,
    agreed_by_seller         TEXT,
    agreed_by_buyer          TEXT,
    accepted_by_broker_at    TIMESTAMPTZ,
    status                   TEXT        NOT NULL CHECK (status IN ('PENDING', 'JOINED', 'DECLINED')),
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX broker_invitations_one_pending ON broker_invitations (negotiation_id) WHERE status = 'PENDING';
CREATE INDEX broker_invitations_by_broker ON broker_invitations (broker_subject, created_at DESC);

-- A broker proposes a match between a demand and an achievement; the room opens when both holders accept.
CREATE TABLE broker_proposals (
    id                               UUID        PRIMARY KEY,
    broker_organisation_id           UUID        NOT NULL REFERENCES organisations (id),
    broker_subject                   TEXT        NOT NULL,
    demand_id                        UUID        NOT NULL,
    demand_organisation_id           UUID        NOT NULL REFERENCES organisations (id),
    achievement_id                   UUID        NOT NULL,
    achievement_organisation_id      UUID        NOT NULL REFERENCES organisations (id),
    achievement_title                TEXT        NOT NULL,
    note                             TEXT        CHECK (char_length(note) <= 2000),
    commission_basis_points          INTEGER     NOT NULL CHECK (commission_basis_points BETWEEN 0 AND 10000),
    accepted_by_demand_holder        TEXT,
    accepted_by_achievement_holder   TEXT,
    status                           TEXT        NOT NULL CHECK (status IN ('PROPOSED', 'OPENED', 'DECLINED')),
    declined_by                      TEXT,
    negotiation_id                   UUID        REFERENCES negotiations (id),
    created_at                       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                       TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                          BIGINT      NOT NULL,
    CHECK (demand_organisation_id <> achievement_organisation_id)
);
