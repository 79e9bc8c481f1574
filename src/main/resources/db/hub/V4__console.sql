-- The organizers' web console: organizers (only a salted PBKDF2 verifier of each password), one-time
-- sign-in links (only their SHA-256; valid until expires_at, used once) and signed-in sessions
-- (only the SHA-256 of the cookie, with the session's CSRF token). H2 and PostgreSQL.
CREATE TABLE hub_organizer (
    name          VARCHAR(100) NOT NULL PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE hub_console_link (
    token_sha256 VARCHAR(64) NOT NULL PRIMARY KEY,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE
);

CREATE TABLE hub_console_session (
    id_sha256  VARCHAR(64)  NOT NULL PRIMARY KEY,
    organizer  VARCHAR(100) NOT NULL,
    csrf       VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
