-- Automations (docs/automations.md): per-table rules, and a run log that doubles as the work queue.
create table base_automations (
  id text primary key,
  table_id text not null references base_tables(id) on delete cascade,
  name text not null,
  enabled boolean not null default true,
  trigger jsonb not null,
  actions jsonb not null,
  -- Signs the automation's webhook calls, like a base webhook's secret.
  secret text not null,
  -- Round-robin assignment: how many people have been assigned so far.
  assign_cursor integer not null default 0,
  -- Date triggers: dates (plus offset) up to this instant have been scanned, so each fires once.
  scanned_until timestamptz,
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- The one lookup every record write makes.
create index base_automations_table on base_automations (table_id) where enabled;

create table base_automation_runs (
  id text primary key,
  automation_id text not null references base_automations(id) on delete cascade,
  table_id text not null,
  record_id text,
  trigger_summary text not null,
  status text not null default 'queued',      -- queued | running | succeeded | failed | skipped
  attempts integer not null default 0,
  -- Step results so far; a retry resumes at the first step that did not succeed.
  steps jsonb not null default '[]',
  error text,
  -- How many automation writes led to this run (loop guard).
  depth integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index base_automation_runs_due on base_automation_runs (next_attempt_at) where status in ('queued', 'running');
create index base_automation_runs_log on base_automation_runs (automation_id, created_at desc, id desc);
