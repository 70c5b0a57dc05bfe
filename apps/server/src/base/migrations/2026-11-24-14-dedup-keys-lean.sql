-- Key rows are written by the hundred thousand during an import; each index costs about as much as the row itself
-- (PGlite). Lookups go by `key` only and rewrites by record, so the wide primary key and the trigram index (unused
-- since typo tolerance moved to deletion keys) only slowed writes down. Uniqueness is kept by syncKeys, which deletes
-- a record's keys for a field before writing them.
drop index if exists base_dedup_keys_trgm;
alter table base_dedup_keys drop constraint if exists base_dedup_keys_pkey;
