-- Patients: demographics only; the medical history and everything clinical live in their own tables.
CREATE TABLE patients (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  given_name text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
  family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
  patronymic text CHECK (length(patronymic) <= 100),
  birth_date date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  phone text,
  email text,
  preferred_language text NOT NULL DEFAULT 'ru' CHECK (preferred_language IN ('en', 'ru')),
  -- Lower-cased, Cyrillic folded to Latin (domain/transliterate.ts): one trigram index serves
  -- searches typed in either script.
  search_key text NOT NULL,
  phone_digits text,
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  UNIQUE (clinic_id, id)
);
CREATE INDEX patients_search ON patients USING gin (search_key gin_trgm_ops);
CREATE INDEX patients_phone ON patients (clinic_id, phone_digits);
CREATE INDEX patients_birth ON patients (clinic_id, birth_date);
ALTER TABLE patients ENABLE ROW LEVEL SECURITY;
ALTER TABLE patients FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON patients USING (app_bypass() OR clinic_id = app_clinic());
