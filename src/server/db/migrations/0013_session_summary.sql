-- What the chart lists of a session, kept beside the row's large jsonb values so that listing a
-- long record reads no TOAST: the engine's decision, the rules and levels of its findings, and the
-- substance classes of the products given. Generated from the stored assessment and components
-- (both fixed once the session is saved), so they can never disagree with them; adding them
-- rewrites the table without firing its update guard. Restores skip generated columns.
ALTER TABLE sessions
  ADD COLUMN decision text GENERATED ALWAYS AS (assessment ->> 'decision') STORED,
  ADD COLUMN finding_rules jsonb GENERATED ALWAYS AS (jsonb_path_query_array(assessment, '$.findings[*].rule')) STORED,
  ADD COLUMN finding_levels jsonb GENERATED ALWAYS AS (jsonb_path_query_array(assessment, '$.findings[*].level')) STORED,
  ADD COLUMN substance_classes jsonb GENERATED ALWAYS AS (jsonb_path_query_array(components, '$[*].substances[*].class')) STORED;
