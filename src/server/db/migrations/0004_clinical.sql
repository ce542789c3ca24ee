-- The clinical record: the medical history (versioned), patient weights, questionnaire answers,
-- courses, sessions with their lots, amendments and follow-ups, and the minimal adverse-event and
-- emergency-kit tables the safety engine needs (issue 6 extends them). Clinical records are never
-- edited in place once written: history versions are append-only (only the closing of a version's
-- validity is allowed), signed sessions refuse every change, amendments are append-only.

-- A condition or an allergy of a patient: its identity. What it says lives in history_versions.
CREATE TABLE history_entries (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('condition', 'allergy')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  UNIQUE (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id)
);
CREATE INDEX history_entries_patient ON history_entries (clinic_id, patient_id);

-- Every state an entry has had. A version is valid from recorded_at until valid_to (the moment the
-- next version replaced it); the current version has no valid_to. "The history as it stood at T"
-- is the versions with recorded_at <= T < coalesce(valid_to, infinity).
CREATE TABLE history_versions (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL,
  entry_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  change text NOT NULL CHECK (change IN ('created', 'updated', 'resolved', 'entered-in-error')),
  -- Conditions: code (vocabulary), onset, end date, area. Allergies: substance or class, reaction.
  code text,
  onset date,
  end_date date,
  area text,
  substance text,
  substance_class text,
  reaction text,
  note text,
  source text NOT NULL DEFAULT 'clinician' CHECK (source IN ('clinician', 'questionnaire')),
  entered_in_error boolean NOT NULL DEFAULT false,
  reason text,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL,
  valid_to timestamptz,
  UNIQUE (entry_id, version),
  FOREIGN KEY (clinic_id, entry_id) REFERENCES history_entries (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  CHECK (valid_to IS NULL OR valid_to >= recorded_at),
  CHECK (end_date IS NULL OR onset IS NULL OR end_date >= onset),
  CHECK ((substance IS NULL) OR (substance_class IS NULL))
);
CREATE UNIQUE INDEX history_versions_current ON history_versions (entry_id) WHERE valid_to IS NULL;
CREATE INDEX history_versions_patient ON history_versions (clinic_id, patient_id, recorded_at);

CREATE FUNCTION history_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'history versions are kept: DELETE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- The one change allowed: closing the validity of the current version when a new one replaces it.
  IF OLD.valid_to IS NOT NULL OR NEW.valid_to IS NULL OR (to_jsonb(NEW) - 'valid_to') IS DISTINCT FROM (to_jsonb(OLD) - 'valid_to') THEN
    RAISE EXCEPTION 'history versions are append-only: UPDATE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER history_versions_append_only BEFORE UPDATE OR DELETE ON history_versions
  FOR EACH ROW EXECUTE FUNCTION history_versions_guard();

-- Weights as measured: the anaesthetic-dose rule uses the latest one measured on or before the day.
CREATE TABLE patient_weights (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  weight_kg numeric(5, 1) NOT NULL CHECK (weight_kg > 0 AND weight_kg <= 400),
  measured_on date NOT NULL,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id)
);
CREATE INDEX patient_weights_patient ON patient_weights (clinic_id, patient_id, measured_on DESC);

-- The answers of a health questionnaire, as given; the conditions they map to are history entries.
CREATE TABLE questionnaire_responses (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  questionnaire_version integer NOT NULL,
  answers jsonb NOT NULL,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id)
);
CREATE INDEX questionnaire_responses_patient ON questionnaire_responses (clinic_id, patient_id);

-- A course: the plan. `components` is a snapshot of the cocktail (products with their substances
-- as they were when planned), so that later catalog edits never rewrite the record.
CREATE TABLE courses (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'awaiting-consent', 'active', 'completed', 'cancelled')),
  indications text[] NOT NULL,
  areas text[] NOT NULL,
  technique text NOT NULL,
  depth_mm numeric(4, 1) NOT NULL CHECK (depth_mm > 0),
  template_id uuid,
  components jsonb NOT NULL,
  planned_sessions integer NOT NULL CHECK (planned_sessions BETWEEN 1 AND 100),
  interval_days integer NOT NULL CHECK (interval_days BETWEEN 1 AND 365),
  starts_on date NOT NULL,
  expected_results text,
  post_care text,
  allergy_test jsonb,
  price_minor bigint CHECK (price_minor >= 0),
  notes text,
  plan_assessment jsonb NOT NULL,
  cancel_reason text,
  cancelled_at timestamptz,
  completed_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, template_id) REFERENCES cocktail_templates (clinic_id, id)
);
CREATE INDEX courses_patient ON courses (clinic_id, patient_id);

-- A performed session. `components` is the snapshot of the products given (from the lots used);
-- `assessment` the engine's input, decision and findings at save, with the doctor's override.
CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  course_id uuid NOT NULL,
  number integer NOT NULL CHECK (number > 0),
  practitioner_id uuid NOT NULL,
  supervising_doctor_id uuid,
  performed_at timestamptz NOT NULL,
  -- The session day in the clinic's time zone: what the rules count days from.
  session_date date NOT NULL,
  technique text NOT NULL,
  depth_mm numeric(4, 1) NOT NULL CHECK (depth_mm > 0),
  areas jsonb NOT NULL,
  components jsonb NOT NULL,
  needle jsonb,
  anaesthesia jsonb,
  injection_points jsonb NOT NULL DEFAULT '[]',
  asepsis jsonb,
  immediate_reactions jsonb NOT NULL DEFAULT '[]',
  duration_minutes integer CHECK (duration_minutes BETWEEN 1 AND 600),
  notes text,
  assessment jsonb NOT NULL,
  override_reason text,
  overridden_by uuid,
  signed_at timestamptz,
  signed_by uuid,
  content_hash text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (clinic_id, id),
  UNIQUE (course_id, number),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, course_id) REFERENCES courses (clinic_id, id),
  FOREIGN KEY (clinic_id, practitioner_id) REFERENCES users (clinic_id, id),
  FOREIGN KEY (clinic_id, supervising_doctor_id) REFERENCES users (clinic_id, id),
  CHECK ((signed_at IS NULL) = (content_hash IS NULL))
);
CREATE INDEX sessions_patient ON sessions (clinic_id, patient_id, performed_at);
CREATE INDEX sessions_course ON sessions (clinic_id, course_id, performed_at);

CREATE FUNCTION sessions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'sessions are kept: DELETE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.signed_at IS NOT NULL THEN
    RAISE EXCEPTION 'a signed session is immutable: UPDATE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER sessions_immutable BEFORE UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION sessions_guard();

-- The lots a session used, one row per lot: "who received lot X" is one indexed query.
CREATE TABLE session_lots (
  clinic_id uuid NOT NULL,
  session_id uuid NOT NULL,
  position integer NOT NULL,
  lot_id uuid NOT NULL,
  product_id uuid NOT NULL,
  volume_ml numeric(8, 2) NOT NULL CHECK (volume_ml > 0),
  PRIMARY KEY (session_id, position),
  FOREIGN KEY (clinic_id, session_id) REFERENCES sessions (clinic_id, id),
  FOREIGN KEY (clinic_id, lot_id) REFERENCES lots (clinic_id, id),
  FOREIGN KEY (clinic_id, product_id) REFERENCES products (clinic_id, id)
);
CREATE INDEX session_lots_lot ON session_lots (clinic_id, lot_id);

-- Corrections of a session after signing: the original stays as signed.
CREATE TABLE session_amendments (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL,
  session_id uuid NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  changes jsonb NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (clinic_id, session_id) REFERENCES sessions (clinic_id, id)
);
CREATE INDEX session_amendments_session ON session_amendments (clinic_id, session_id, created_at);
CREATE TRIGGER session_amendments_append_only BEFORE UPDATE OR DELETE ON session_amendments
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Minimal adverse events: what the engine's open-adverse-event and vagal-history rules read.
CREATE TABLE adverse_events (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  session_id uuid NOT NULL,
  type text NOT NULL,
  grade integer NOT NULL CHECK (grade BETWEEN 1 AND 5),
  onset timestamptz NOT NULL,
  area text,
  description text NOT NULL,
  expected boolean,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'monitoring', 'resolved')),
  outcome text,
  resolved_at timestamptz,
  reported_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, session_id) REFERENCES sessions (clinic_id, id)
);
CREATE INDEX adverse_events_patient ON adverse_events (clinic_id, patient_id, status);
CREATE INDEX adverse_events_session ON adverse_events (clinic_id, session_id);

-- Follow-ups due after a session (and, later, after an adverse event).
CREATE TABLE follow_ups (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  session_id uuid,
  adverse_event_id uuid,
  due_at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  completed_at timestamptz,
  completed_by uuid,
  findings text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, session_id) REFERENCES sessions (clinic_id, id),
  FOREIGN KEY (clinic_id, adverse_event_id) REFERENCES adverse_events (clinic_id, id)
);
CREATE INDEX follow_ups_due ON follow_ups (clinic_id, status, due_at);
CREATE INDEX follow_ups_patient ON follow_ups (clinic_id, patient_id, status);

-- The anti-shock kit: complete when every required item is present and the essential kinds are
-- there; its earliest expiry is what the emergency-kit rule compares with the session day.
CREATE TABLE emergency_kit_items (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('adrenaline', 'antihistamine', 'corticosteroid', 'atropine', 'infusion-set', 'other')),
  required boolean NOT NULL DEFAULT true,
  present boolean NOT NULL DEFAULT true,
  lot text,
  expires_on date,
  last_checked_at timestamptz,
  last_checked_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (clinic_id, id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['history_entries', 'history_versions', 'patient_weights', 'questionnaire_responses', 'courses', 'sessions',
                           'session_lots', 'session_amendments', 'adverse_events', 'follow_ups', 'emergency_kit_items']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant ON %I USING (app_bypass() OR clinic_id = app_clinic())', t);
  END LOOP;
END $$;
