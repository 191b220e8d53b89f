-- The signed-in user's own settings. Users live in Keycloak; this table keys on the token's
-- subject so no personal data is copied here.
CREATE TABLE user_preferences (
    subject              TEXT        PRIMARY KEY,
    locale               TEXT        NOT NULL CHECK (locale IN ('zh-CN', 'en')),
    email_notifications  BOOLEAN     NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    version              BIGINT      NOT NULL
);
