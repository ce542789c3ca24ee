-- The audit sealer's work list. The sealer used to find unsealed events with an anti-join of
-- audit_events against audit_seals: a scan of the whole log every second, which at a million
-- events kept one core of PostgreSQL busy most of the time. Each appended event now also puts its
-- id here (same transaction, by trigger); the sealer reads this short list, seals, and deletes what
-- it sealed. Events that commit late (an older id after newer ones) are still found, which a
-- high-water mark on the id would miss. Backups skip this table: a restore re-creates it from the
-- restored events and drops the ones the restored seals already cover.
CREATE TABLE audit_unsealed (
  event_id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL
);
ALTER TABLE audit_unsealed ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_unsealed FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON audit_unsealed USING (app_bypass() OR clinic_id = app_clinic());

CREATE FUNCTION audit_unsealed_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_unsealed (event_id, clinic_id) VALUES (NEW.id, NEW.clinic_id);
  RETURN NULL;
END $$;

CREATE TRIGGER audit_events_unsealed AFTER INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_unsealed_add();

SELECT set_config('app.bypass_rls', 'on', true);
INSERT INTO audit_unsealed (event_id, clinic_id)
SELECT e.id, e.clinic_id FROM audit_events e
WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.event_id = e.id);
