-- Adverse events followed to their end and back to the lots they came from (issue 6): the full
-- event record (treatments, emergency checklists, seriousness, outcome, source) with its history;
-- follow-ups that are assigned, completed with what was found, or cancelled; stored alerts (a
-- suspected outbreak, a recalled lot) with their lots; who recalled a lot; the anti-shock kit's
-- checks.

-- Adverse events ---------------------------------------------------------------------------------

-- Events resolved before outcomes were recorded get the outcome the record cannot tell.
UPDATE adverse_events SET outcome = 'unknown' WHERE status = 'resolved' AND outcome IS NULL;
UPDATE adverse_events SET resolved_at = created_at WHERE status = 'resolved' AND resolved_at IS NULL;
UPDATE adverse_events SET outcome = NULL, resolved_at = NULL WHERE status <> 'resolved';

ALTER TABLE adverse_events
  -- A clinician in the clinic, or (later) the patient through the portal, with no user behind it.
  ADD COLUMN source text NOT NULL DEFAULT 'clinician' CHECK (source IN ('clinician', 'patient-portal')),
  -- [{ drug, dose, route, at, note? }] in the order given.
  ADD COLUMN treatments jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(treatments) = 'array'),
  -- The anaphylaxis checklist: adrenaline doses with their times, emergency call, position, outcome.
  ADD COLUMN anaphylaxis jsonb CHECK (anaphylaxis IS NULL OR jsonb_typeof(anaphylaxis) = 'object'),
  -- The vagal checklist: laid flat with legs raised, atropine, blood pressure and pulse readings.
  ADD COLUMN vagal jsonb CHECK (vagal IS NULL OR jsonb_typeof(vagal) = 'object'),
  -- ICH E2A seriousness criteria met (death, life-threatening, hospitalisation…).
  ADD COLUMN seriousness text[] NOT NULL DEFAULT '{}',
  -- When an expected reaction turned out to be a complication (papules past 72 h…).
  ADD COLUMN complication_since timestamptz,
  ADD COLUMN resolution_note text,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN updated_by uuid;
ALTER TABLE adverse_events ADD CONSTRAINT adverse_events_outcome_check
  CHECK (outcome IS NULL OR outcome IN ('recovered', 'recovered-with-sequelae', 'ongoing', 'fatal', 'unknown'));
ALTER TABLE adverse_events ADD CONSTRAINT adverse_events_resolved_shape
  CHECK ((status = 'resolved') = (outcome IS NOT NULL) AND (status = 'resolved') = (resolved_at IS NOT NULL));
ALTER TABLE adverse_events ADD CONSTRAINT adverse_events_reporter_fk FOREIGN KEY (clinic_id, reported_by) REFERENCES users (clinic_id, id);
ALTER TABLE adverse_events ADD CONSTRAINT adverse_events_updater_fk FOREIGN KEY (clinic_id, updated_by) REFERENCES users (clinic_id, id);
CREATE INDEX adverse_events_onset ON adverse_events (clinic_id, onset);
CREATE INDEX adverse_events_status ON adverse_events (clinic_id, status, onset);

-- Every change of an event as it happened: created, fields changed, status moved, a treatment or
-- a dose added, a follow-up's findings. Append-only.
CREATE TABLE adverse_event_history (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL,
  adverse_event_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  by_user_id uuid,
  action text NOT NULL CHECK (action ~ '^[a-z]+(-[a-z]+)*$'),
  from_status text,
  to_status text,
  changes jsonb NOT NULL DEFAULT '{}',
  note text,
  FOREIGN KEY (clinic_id, adverse_event_id) REFERENCES adverse_events (clinic_id, id),
  FOREIGN KEY (clinic_id, by_user_id) REFERENCES users (clinic_id, id)
);
CREATE INDEX adverse_event_history_event ON adverse_event_history (clinic_id, adverse_event_id, at);
CREATE TRIGGER adverse_event_history_append_only BEFORE UPDATE OR DELETE ON adverse_event_history
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Follow-ups -------------------------------------------------------------------------------------

ALTER TABLE follow_ups DROP CONSTRAINT follow_ups_status_check;
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_status_check CHECK (status IN ('open', 'done', 'cancelled'));
ALTER TABLE follow_ups
  -- Who should do it; when absent, the practitioner of the session.
  ADD COLUMN assigned_to uuid,
  ADD COLUMN outcome text CHECK (outcome IN ('as-expected', 'resolved', 'improving', 'unchanged', 'worse', 'complication', 'not-reached')),
  -- The adverse event this follow-up's findings opened.
  ADD COLUMN opened_adverse_event_id uuid,
  ADD COLUMN cancelled_at timestamptz,
  ADD COLUMN cancel_reason text,
  ADD COLUMN created_by uuid,
  ADD CONSTRAINT follow_ups_assignee_fk FOREIGN KEY (clinic_id, assigned_to) REFERENCES users (clinic_id, id),
  ADD CONSTRAINT follow_ups_completer_fk FOREIGN KEY (clinic_id, completed_by) REFERENCES users (clinic_id, id),
  ADD CONSTRAINT follow_ups_opened_fk FOREIGN KEY (clinic_id, opened_adverse_event_id) REFERENCES adverse_events (clinic_id, id),
  ADD CONSTRAINT follow_ups_done_shape CHECK (status <> 'done' OR completed_at IS NOT NULL),
  ADD CONSTRAINT follow_ups_cancelled_shape CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL));
CREATE INDEX follow_ups_event ON follow_ups (clinic_id, adverse_event_id) WHERE adverse_event_id IS NOT NULL;
CREATE INDEX follow_ups_assignee ON follow_ups (clinic_id, assigned_to, status, due_at) WHERE assigned_to IS NOT NULL;
CREATE INDEX follow_ups_session ON follow_ups (clinic_id, session_id) WHERE session_id IS NOT NULL;

-- Lots: who recalled them ------------------------------------------------------------------------

ALTER TABLE lots ADD COLUMN recalled_by uuid;
ALTER TABLE lots ADD CONSTRAINT lots_recalled_by_fk FOREIGN KEY (clinic_id, recalled_by) REFERENCES users (clinic_id, id);

-- Alerts -----------------------------------------------------------------------------------------

-- Alerts that must be seen and acknowledged: a suspected atypical mycobacterial infection (an
-- outbreak check over the event's lots), a recalled lot with patients to contact.
CREATE TABLE alerts (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  kind text NOT NULL CHECK (kind IN ('suspected-atypical-infection', 'lot-recall')),
  severity text NOT NULL CHECK (severity IN ('critical', 'warning', 'info')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged')),
  adverse_event_id uuid,
  patient_id uuid,
  -- What the alert said when raised (the recipients then, the recall reason…); lists are re-read live.
  details jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  acknowledged_at timestamptz,
  acknowledged_by uuid,
  acknowledgement text,
  UNIQUE (clinic_id, id),
  FOREIGN KEY (clinic_id, adverse_event_id) REFERENCES adverse_events (clinic_id, id),
  FOREIGN KEY (clinic_id, patient_id) REFERENCES patients (clinic_id, id),
  FOREIGN KEY (clinic_id, created_by) REFERENCES users (clinic_id, id),
  FOREIGN KEY (clinic_id, acknowledged_by) REFERENCES users (clinic_id, id),
  CHECK ((status = 'acknowledged') = (acknowledged_at IS NOT NULL))
);
-- One outbreak alert per event, however often the event is edited.
CREATE UNIQUE INDEX alerts_event_kind ON alerts (clinic_id, adverse_event_id, kind) WHERE adverse_event_id IS NOT NULL;
CREATE INDEX alerts_status ON alerts (clinic_id, status, created_at DESC);

CREATE TABLE alert_lots (
  clinic_id uuid NOT NULL,
  alert_id uuid NOT NULL,
  lot_id uuid NOT NULL,
  PRIMARY KEY (alert_id, lot_id),
  FOREIGN KEY (clinic_id, alert_id) REFERENCES alerts (clinic_id, id),
  FOREIGN KEY (clinic_id, lot_id) REFERENCES lots (clinic_id, id)
);
CREATE INDEX alert_lots_lot ON alert_lots (clinic_id, lot_id);

-- Emergency kit ----------------------------------------------------------------------------------

ALTER TABLE emergency_kit_items
  ADD COLUMN quantity integer CHECK (quantity >= 0),
  ADD COLUMN notes text,
  ADD COLUMN position integer NOT NULL DEFAULT 0,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ADD CONSTRAINT emergency_kit_items_checker_fk FOREIGN KEY (clinic_id, last_checked_by) REFERENCES users (clinic_id, id);

-- Each check of the kit: who, when, and every item's state as found. Append-only.
CREATE TABLE emergency_kit_checks (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  checked_by uuid NOT NULL,
  checked_at timestamptz NOT NULL,
  items jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array'),
  -- Every required item present and in date, every essential kind there: sessions may proceed.
  ready boolean NOT NULL,
  notes text,
  FOREIGN KEY (clinic_id, checked_by) REFERENCES users (clinic_id, id)
);
CREATE INDEX emergency_kit_checks_clinic ON emergency_kit_checks (clinic_id, checked_at DESC);
CREATE TRIGGER emergency_kit_checks_append_only BEFORE UPDATE OR DELETE ON emergency_kit_checks
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['adverse_event_history', 'alerts', 'alert_lots', 'emergency_kit_checks']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant ON %I USING (app_bypass() OR clinic_id = app_clinic())', t);
  END LOOP;
END $$;
