-- Informed consent. A consent is produced from a course plan and a clinic template; at signing its
-- text is frozen and hashed. The safety engine's `no-consent` rule reads the course's consents:
-- a course is covered by a consent of kind 'treatment' whose status is 'signed' (not withdrawn,
-- not superseded) and whose product codes and session count cover the session.

CREATE TABLE consent_templates (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  kind text NOT NULL CHECK (kind IN ('treatment', 'photo-use')),
  language text NOT NULL CHECK (language IN ('en', 'ru')),
  version integer NOT NULL CHECK (version > 0),
  title text NOT NULL,
  body text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  UNIQUE (clinic_id, kind, language, version),
  UNIQUE (clinic_id, id)
);

CREATE TABLE consents (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  -- Null for a photo-use consent, which belongs to the patient rather than a course.
  course_id uuid,
  kind text NOT NULL CHECK (kind IN ('treatment', 'photo-use')),
  language text NOT NULL CHECK (language IN ('en', 'ru')),
  template_id uuid,
  template_version integer,
  -- draft → signed → withdrawn; a signed consent becomes superseded when the plan changes.
  status text NOT NULL CHECK (status IN ('draft', 'signed', 'withdrawn', 'superseded')),
  text text NOT NULL,
  -- The catalog codes of the products the consent names, and the number of sessions it covers.
  product_codes text[] NOT NULL DEFAULT '{}',
  sessions integer CHECK (sessions > 0),
  -- For photo-use consents: 'clinical' (record only) or 'teaching' (also teaching and marketing).
  photo_use text CHECK (photo_use IN ('clinical', 'teaching')),
  content_hash text,
  patient_signature bytea,
  patient_signature_type text,
  patient_typed_name text,
  signed_at timestamptz,
  countersigned_by uuid,
  doctor_signature bytea,
  countersigned_at timestamptz,
  withdrawn_at timestamptz,
  withdrawal_reason text,
  superseded_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  UNIQUE (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  CHECK (status = 'draft' OR content_hash IS NOT NULL)
);
CREATE INDEX consents_course ON consents (clinic_id, course_id);
CREATE INDEX consents_patient ON consents (clinic_id, patient_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['consent_templates', 'consents']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant ON %I USING (app_bypass() OR clinic_id = app_clinic())', t);
  END LOOP;
END $$;
