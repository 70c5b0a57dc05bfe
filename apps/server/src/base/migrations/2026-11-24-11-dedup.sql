-- Duplicate detection (docs/dedup.md): a rule per table, normalised keys per record and field, and flagged pairs.
alter table base_tables add column dedup jsonb;

create table base_dedup_keys (
  table_id text not null references base_tables(id) on delete cascade,
  record_id text not null,
  field_id text not null,
  key text not null,
  -- A value may have several keys (a company's core and trade name, two phones in one cell).
  -- `key` is scoped by the field ("<fieldId>:<key>"), so a lookup names only the key and can use nothing but the key
  -- index, whatever the planner's statistics say (PGlite never auto-analyzes).
  primary key (table_id, field_id, record_id, key)
);
create index base_dedup_keys_key on base_dedup_keys (key);
-- Typo-tolerant lookup of company and text keys.
create index base_dedup_keys_trgm on base_dedup_keys using gin (key gin_trgm_ops);
create index base_dedup_keys_record on base_dedup_keys (table_id, record_id);

create table base_dedup_pairs (
  id text primary key,
  table_id text not null references base_tables(id) on delete cascade,
  -- a < b, so a pair is stored once whichever record came first
  a text not null,
  b text not null,
  score double precision not null,
  reasons jsonb not null,
  status text not null default 'open',      -- open | dismissed | merged
  created_at timestamptz not null default now(),
  decided_by text,
  decided_at timestamptz,
  unique (table_id, a, b)
);
create index base_dedup_pairs_open on base_dedup_pairs (table_id, status, score desc);
