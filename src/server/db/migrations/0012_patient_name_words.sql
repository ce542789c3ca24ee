-- Patient search, continued (see 0011 and patients/repository.ts).
--
-- The words of the clinic's patient names (transliterated, as in patient_search.search_key), one
-- row per clinic and word: the dictionary a mistyped search is corrected against. Finding the
-- nearest of a few thousand distinct words is fast, where comparing the text with every
-- patient's whole name took 35-90 ms at a million patients. Words are only added (a word no
-- patient has any more corrects to a name that then finds nobody, which is harmless). Like
-- patient_search, the table has no row policy (see 0009) and every query names the clinic;
-- backups skip it and a restore rebuilds it by the trigger.
CREATE TABLE patient_name_words (
  clinic_id uuid NOT NULL,
  word text COLLATE "C" NOT NULL,
  PRIMARY KEY (clinic_id, word)
);
CREATE INDEX patient_name_words_similar ON patient_name_words USING gist (clinic_id, word gist_trgm_ops);

CREATE FUNCTION patient_name_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO patient_name_words (clinic_id, word)
  SELECT DISTINCT NEW.clinic_id, w FROM unnest(string_to_array(NEW.search_key, ' ')) AS w WHERE length(w) >= 2
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER patient_search_words AFTER INSERT OR UPDATE OF search_key ON patient_search
  FOR EACH ROW EXECUTE FUNCTION patient_name_words_add();

INSERT INTO patient_name_words (clinic_id, word)
SELECT DISTINCT s.clinic_id, w FROM patient_search s, unnest(string_to_array(s.search_key, ' ')) AS w WHERE length(w) >= 2
ON CONFLICT DO NOTHING;
ANALYZE patient_name_words;

-- Names that contain every word of the text, in any order, are found through a trigram GIN index
-- again: exact about which trigrams a key holds, it answers LIKE far faster than the GiST index of
-- 0011, whose signatures blur on keys of three names (up to 40 ms at a million patients). With
-- typos corrected through the words above, the similarity of whole names is only a last resort,
-- and the GiST index goes (left in place, the planner would prefer it for LIKE).
CREATE INDEX patient_search_words ON patient_search USING gin (clinic_id, search_key gin_trgm_ops);
DROP INDEX patient_search_similar;
ANALYZE patient_search;
