-- Patient search in three phases, each with an index made for it (see patients/repository.ts):
-- names that start with the text, in name order (a btree in the "C" collation: the keys are plain
-- ASCII, and a range on it is exact and already sorted); names that contain it; and, only when
-- those find almost nobody, the names most similar to it, nearest first. One trigram GiST index
-- serves the last two: LIKE '%x%', and ORDER BY <<-> LIMIT n without computing the similarity of
-- every candidate (the GIN index of 0009 made that phase sort all of them: 40-70 ms for a common
-- surname in a clinic of 14,000 patients).
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE INDEX patient_search_prefix ON patient_search (clinic_id, (search_key COLLATE "C"));
CREATE INDEX patient_search_similar ON patient_search USING gist (clinic_id, search_key gist_trgm_ops);
DROP INDEX patient_search_key;
ANALYZE patient_search;
