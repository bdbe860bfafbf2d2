-- Page sessions live in PostgreSQL (Spring Session JDBC's schema), so any app instance serves any session
-- and ending a person's sessions ends them everywhere. Global tables: a session is found before its workspace.
CREATE TABLE spring_session (
  primary_id            char(36) NOT NULL,
  session_id            char(36) NOT NULL,
  creation_time         bigint NOT NULL,
  last_access_time      bigint NOT NULL,
  max_inactive_interval int NOT NULL,
  expiry_time           bigint NOT NULL,
  principal_name        varchar(254),
  CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
  session_primary_id char(36) NOT NULL,
  attribute_name     varchar(200) NOT NULL,
  attribute_bytes    bytea NOT NULL,
  CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
  CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
    REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- Remember-me series are ended per person.
CREATE INDEX persistent_logins_username_idx ON persistent_logins (lower(username));

-- Rate limits shared by every instance (Bucket4j's PostgreSQL store); a key expires once its bucket is full
-- again (expires_at, epoch milliseconds) and a recurring task removes it.
CREATE TABLE rate_limit_bucket (
  id         text PRIMARY KEY,
  state      bytea,
  expires_at bigint
);
CREATE INDEX rate_limit_bucket_expires_idx ON rate_limit_bucket (expires_at);

-- Failed passwords per account and per address: past a few, each attempt waits a growing delay.
CREATE TABLE sign_in_delay (
  key             text PRIMARY KEY,
  failures        int NOT NULL,
  last_failure_at timestamptz NOT NULL
);
CREATE INDEX sign_in_delay_last_failure_idx ON sign_in_delay (last_failure_at);

-- One-time links that lift an account's delay, sent by e-mail; only the hash is kept.
CREATE TABLE sign_in_unlock (
  token_hash text PRIMARY KEY,
  email      text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sign_in_unlock_expires_idx ON sign_in_unlock (expires_at);
