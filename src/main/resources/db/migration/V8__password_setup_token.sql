-- One-time links for people the directory import created without a password: the link's
-- token is kept only as its SHA-256, it expires, and it can be used once.
CREATE TABLE password_setup_token (
    token_hash  VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id     VARCHAR(255) NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    expires_at  TIMESTAMP    NOT NULL,
    used_at     TIMESTAMP
);
CREATE INDEX password_setup_token_user ON password_setup_token (user_id);
