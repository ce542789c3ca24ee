-- Patient search without row-level security in the way of its index.
-- Under RLS, PostgreSQL may not evaluate a query's non-leakproof operators (LIKE, pg_trgm's <%)
-- before the policy, so it cannot use the trigram index for them and scans every patient: about
-- 1.4 s at 100,000 patients. The search keys therefore live in a table of their own with no policy,
-- indexed together with clinic_id (btree_gin), and every search joins back to `patients`, whose
-- policy still decides which patients a transaction can see.
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE TABLE patient_search (
  patient_id uuid PRIMARY KEY REFERENCES patients (id) ON DELETE CASCADE,
  clinic_id uuid NOT NULL,
  search_key text NOT NULL,
  archived boolean NOT NULL DEFAULT false
);
CREATE INDEX patient_search_key ON patient_search USING gin (clinic_id, search_key gin_trgm_ops);

CREATE FUNCTION patient_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO patient_search (patient_id, clinic_id, search_key, archived)
  VALUES (NEW.id, NEW.clinic_id, NEW.search_key, NEW.archived_at IS NOT NULL)
  ON CONFLICT (patient_id) DO UPDATE
    SET clinic_id = EXCLUDED.clinic_id, search_key = EXCLUDED.search_key, archived = EXCLUDED.archived;
  RETURN NULL;
END $$;

CREATE TRIGGER patients_search_sync AFTER INSERT OR UPDATE OF search_key, archived_at, clinic_id ON patients
  FOR EACH ROW EXECUTE FUNCTION patient_search_sync();

SELECT set_config('app.bypass_rls', 'on', true);
INSERT INTO patient_search (patient_id, clinic_id, search_key, archived)
SELECT id, clinic_id, search_key, archived_at IS NOT NULL FROM patients;
DROP INDEX patients_search;
ANALYZE patient_search;
