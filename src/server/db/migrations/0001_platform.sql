-- The platform: clinics (tenants), users, login sessions, API tokens and the audit log.
-- Every clinic-owned table carries clinic_id and a row-level security policy on it. The app sets
-- app.clinic_id for each transaction; system work (login lookup, audit sealing, the CLI) sets
-- app.bypass_rls instead. FORCE makes the policies bind the table owner too.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION app_clinic() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.clinic_id', true), '')::uuid $$;

CREATE FUNCTION app_bypass() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('app.bypass_rls', true), '') = 'on' $$;

CREATE TABLE clinics (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  time_zone text NOT NULL DEFAULT 'Europe/Moscow',
  currency char(3) NOT NULL DEFAULT 'RUB',
  default_language text NOT NULL DEFAULT 'ru' CHECK (default_language IN ('en', 'ru')),
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX clinics_name_key ON clinics (lower(name));
ALTER TABLE clinics ENABLE ROW LEVEL SECURITY;
ALTER TABLE clinics FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON clinics USING (app_bypass() OR id = app_clinic());

CREATE TABLE users (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  email text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'doctor', 'nurse', 'reception')),
  password_hash text NOT NULL,
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  language text NOT NULL DEFAULT 'ru' CHECK (language IN ('en', 'ru')),
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (clinic_id, id)
);
-- One email is one login across the installation, so login needs no clinic picker.
CREATE UNIQUE INDEX users_email_key ON users (email);
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON users USING (app_bypass() OR clinic_id = app_clinic());

CREATE TABLE auth_sessions (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  user_id uuid NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  ip text,
  user_agent text,
  FOREIGN KEY (clinic_id, user_id) REFERENCES users (clinic_id, id)
);
CREATE INDEX auth_sessions_user ON auth_sessions (clinic_id, user_id);
ALTER TABLE auth_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON auth_sessions USING (app_bypass() OR clinic_id = app_clinic());

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  user_id uuid NOT NULL,
  name text NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  FOREIGN KEY (clinic_id, user_id) REFERENCES users (clinic_id, id)
);
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON api_tokens USING (app_bypass() OR clinic_id = app_clinic());

-- Audit: events are appended in the transaction of the access they record. A separate sealer
-- chains them per clinic (audit_seals), so that appends never wait on one another; both tables
-- refuse UPDATE, DELETE and TRUNCATE. Events of no clinic (a failed login for an unknown email)
-- use the nil UUID as their clinic.
CREATE TABLE audit_events (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_user_id uuid,
  actor_role text,
  action text NOT NULL,
  record_type text,
  record_id text,
  ip text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure', 'not-found')),
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_clinic_at ON audit_events (clinic_id, at DESC);
CREATE INDEX audit_events_record ON audit_events (clinic_id, record_type, record_id);
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON audit_events USING (app_bypass() OR clinic_id = app_clinic());

CREATE TABLE audit_seals (
  clinic_id uuid NOT NULL,
  seq bigint NOT NULL,
  event_id uuid NOT NULL UNIQUE,
  event_hash bytea NOT NULL,
  chain_hash bytea NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (clinic_id, seq)
);
ALTER TABLE audit_seals ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_seals FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON audit_seals USING (app_bypass() OR clinic_id = app_clinic());

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_seals_append_only BEFORE UPDATE OR DELETE ON audit_seals
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
