-- Consents tied to their course and template, guarded once signed; photographs and the waivers of
-- the baseline-photo requirement.

ALTER TABLE consents ADD CONSTRAINT consents_course_fk FOREIGN KEY (clinic_id, course_id) REFERENCES courses (clinic_id, id);
ALTER TABLE consents ADD CONSTRAINT consents_template_fk FOREIGN KEY (clinic_id, template_id) REFERENCES consent_templates (clinic_id, id);
ALTER TABLE consents ADD CONSTRAINT consents_countersigner_fk FOREIGN KEY (clinic_id, countersigned_by) REFERENCES users (clinic_id, id);
-- Signatures are stored as drawn: a PNG image, or an SVG document of the pen strokes.
ALTER TABLE consents ADD CONSTRAINT consents_patient_signature_type_check CHECK (patient_signature_type IN ('png', 'svg'));
ALTER TABLE consents ADD COLUMN doctor_signature_type text CHECK (doctor_signature_type IN ('png', 'svg'));
-- What the doctor added to the plan's text when producing the consent (also inside the text).
ALTER TABLE consents ADD COLUMN additions text;
ALTER TABLE consents ADD COLUMN withdrawal_recorded_by uuid;
ALTER TABLE consents ADD CONSTRAINT consents_kind_shape CHECK (
  (kind = 'treatment' AND course_id IS NOT NULL AND photo_use IS NULL)
  OR (kind = 'photo-use' AND course_id IS NULL AND photo_use IS NOT NULL));
ALTER TABLE consents ADD CONSTRAINT consents_signed_shape CHECK (
  status = 'draft' OR (signed_at IS NOT NULL AND patient_signature IS NOT NULL AND doctor_signature IS NOT NULL
                       AND countersigned_by IS NOT NULL AND patient_typed_name IS NOT NULL));
ALTER TABLE consents ADD CONSTRAINT consents_withdrawn_shape CHECK (status <> 'withdrawn' OR (withdrawn_at IS NOT NULL AND withdrawal_reason IS NOT NULL));
ALTER TABLE consents ADD CONSTRAINT consents_superseded_shape CHECK (status <> 'superseded' OR superseded_at IS NOT NULL);
-- At most one consent in force: per course for treatment, per patient for photo use.
CREATE UNIQUE INDEX consents_one_signed_treatment ON consents (clinic_id, course_id) WHERE status = 'signed' AND kind = 'treatment';
CREATE UNIQUE INDEX consents_one_signed_photo_use ON consents (clinic_id, patient_id) WHERE status = 'signed' AND kind = 'photo-use';

-- A signed consent is frozen: the only changes left are its withdrawal or its supersession, and
-- it is never deleted. Drafts may change or go. (The content hash detects what bypasses this.)
CREATE FUNCTION consents_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE movable text[] := ARRAY['status', 'withdrawn_at', 'withdrawal_reason', 'withdrawal_recorded_by', 'superseded_at'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'draft' THEN RETURN OLD; END IF;
    RAISE EXCEPTION 'a signed consent is kept: DELETE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status = 'draft' THEN RETURN NEW; END IF;
  IF OLD.status = 'signed' AND NEW.status IN ('withdrawn', 'superseded')
     AND (to_jsonb(NEW) - movable) = (to_jsonb(OLD) - movable) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a signed consent is frozen: UPDATE refused' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER consents_frozen BEFORE UPDATE OR DELETE ON consents FOR EACH ROW EXECUTE FUNCTION consents_guard();

-- Template versions are kept as written (signed consents name them); only `active` moves.
CREATE FUNCTION consent_templates_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'active') = (to_jsonb(OLD) - 'active') THEN RETURN NEW; END IF;
  RAISE EXCEPTION 'consent template versions are kept: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER consent_templates_versions BEFORE UPDATE OR DELETE ON consent_templates FOR EACH ROW EXECUTE FUNCTION consent_templates_guard();
CREATE UNIQUE INDEX consent_templates_one_active ON consent_templates (clinic_id, kind, language) WHERE active;

-- A photograph. The upload is kept as received (`original_hash`, with its metadata: never served);
-- what is served are re-encodes with the orientation applied and every metadata block removed:
-- full size, display (1600 px) and thumbnail (320 px). Files live in the content-addressed store.
CREATE TABLE photos (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  course_id uuid,
  session_id uuid,
  view text NOT NULL,
  phase text NOT NULL CHECK (phase IN ('baseline', 'during-course', 'follow-up')),
  taken_at timestamptz NOT NULL,
  original_hash text NOT NULL CHECK (original_hash ~ '^[0-9a-f]{64}$'),
  original_type text NOT NULL,
  original_bytes integer NOT NULL CHECK (original_bytes > 0),
  full_hash text NOT NULL CHECK (full_hash ~ '^[0-9a-f]{64}$'),
  display_hash text NOT NULL CHECK (display_hash ~ '^[0-9a-f]{64}$'),
  thumb_hash text NOT NULL CHECK (thumb_hash ~ '^[0-9a-f]{64}$'),
  width integer NOT NULL CHECK (width > 0),
  height integer NOT NULL CHECK (height > 0),
  note text CHECK (length(note) <= 2000),
  uploaded_by uuid NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, course_id) REFERENCES courses (clinic_id, id),
  FOREIGN KEY (clinic_id, session_id) REFERENCES sessions (clinic_id, id),
  FOREIGN KEY (clinic_id, uploaded_by) REFERENCES users (clinic_id, id),
  CHECK (session_id IS NULL OR course_id IS NOT NULL)
);
CREATE INDEX photos_patient ON photos (clinic_id, patient_id, taken_at);
CREATE INDEX photos_course ON photos (clinic_id, course_id, view, taken_at);

-- The doctor's written reason for starting a course without baseline photographs.
CREATE TABLE baseline_photo_waivers (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL,
  course_id uuid NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 3 AND 2000),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (clinic_id, course_id) REFERENCES courses (clinic_id, id),
  FOREIGN KEY (clinic_id, recorded_by) REFERENCES users (clinic_id, id)
);
CREATE INDEX baseline_photo_waivers_course ON baseline_photo_waivers (clinic_id, course_id);
CREATE TRIGGER baseline_photo_waivers_append_only BEFORE UPDATE OR DELETE ON baseline_photo_waivers
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['photos', 'baseline_photo_waivers']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant ON %I USING (app_bypass() OR clinic_id = app_clinic())', t);
  END LOOP;
END $$;
