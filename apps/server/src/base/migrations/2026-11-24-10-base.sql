-- Base metadata. Record data lives in one physical table per Base table (docs/decisions/0001-base-storage.md).
create table bases (
  id text primary key,
  name text not null,
  owner_id text references users(id),
  revision integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table base_members (
  base_id text not null references bases(id) on delete cascade,
  user_id text not null references users(id) on delete cascade,
  role text not null check (role in ('owner', 'editor', 'commenter', 'viewer')),
  primary key (base_id, user_id)
);
create index base_members_user on base_members (user_id);

create table base_tables (
  id text primary key,
  base_id text not null references bases(id) on delete cascade,
  name text not null,
  position integer not null default 0,
  -- Kept exact in the transactions that insert and delete records, so an unfiltered count costs nothing.
  record_count bigint not null default 0,
  -- Per-role restrictions of this table (contracts base/rules.ts).
  rules jsonb not null default '[]',
  created_at timestamptz not null default now()
);
create unique index base_tables_name on base_tables (base_id, lower(name));

create table base_fields (
  id text primary key,
  table_id text not null references base_tables(id) on delete cascade,
  name text not null,
  type text not null,
  options jsonb not null default '{}',
  is_primary boolean not null default false,
  description text,
  position integer not null default 0,
  created_at timestamptz not null default now()
);
create unique index base_fields_name on base_fields (table_id, lower(name));

create table base_views (
  id text primary key,
  table_id text not null references base_tables(id) on delete cascade,
  name text not null,
  type text not null,
  config jsonb not null default '{}',
  position integer not null default 0
);

-- Link fields: one row per (field, from record, to record). The reverse field reads the same rows backwards.
create table base_links (
  field_id text not null references base_fields(id) on delete cascade,
  from_id text not null,
  to_id text not null,
  position integer not null default 0,
  primary key (field_id, from_id, to_id)
);
create index base_links_to on base_links (field_id, to_id);
create index base_links_from_any on base_links (from_id);
create index base_links_to_any on base_links (to_id);

-- Every change to a record: who, when, and old → new per field.
create table base_record_history (
  id bigint generated always as identity primary key,
  table_id text not null references base_tables(id) on delete cascade,
  record_id text not null,
  at timestamptz not null default now(),
  actor_id text,
  action text not null,
  -- One user action (a paste, a batch call) shares a batch id, so undo reverts it as a whole.
  batch_id text not null,
  undone boolean not null default false,
  changes jsonb not null
);
create index base_record_history_batch on base_record_history (table_id, actor_id, id desc);

create table base_comments (
  id text primary key,
  table_id text not null references base_tables(id) on delete cascade,
  record_id text not null,
  author_id text references users(id),
  body text not null,
  mentions text[] not null default '{}',
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  deleted_at timestamptz
);
create index base_comments_record on base_comments (table_id, record_id, created_at);
create index base_record_history_record on base_record_history (table_id, record_id, id desc);

-- Webhooks: a URL subscribed to record events of a table. Deliveries are queued in the same transaction as the change.
create table base_webhooks (
  id text primary key,
  table_id text not null references base_tables(id) on delete cascade,
  url text not null,
  secret text not null,
  events text[] not null,
  active boolean not null default true,
  created_by text,
  created_at timestamptz not null default now()
);
create index base_webhooks_table on base_webhooks (table_id);

create table base_webhook_deliveries (
  id bigint generated always as identity primary key,
  webhook_id text not null references base_webhooks(id) on delete cascade,
  payload jsonb not null,
  status text not null default 'pending',   -- pending | success | failed
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_status integer,
  last_error text,
  created_at timestamptz not null default now(),
  delivered_at timestamptz
);
create index base_webhook_deliveries_due on base_webhook_deliveries (next_attempt_at) where status = 'pending';
create index base_webhook_deliveries_hook on base_webhook_deliveries (webhook_id, id desc);

-- Uploaded attachment files; bytes live under DATA_DIR/files (shared storage when several instances run).
create table base_files (
  token text primary key,
  table_id text not null references base_tables(id) on delete cascade,
  name text not null,
  size bigint not null,
  mime text not null,
  sha256 text not null,
  created_by text,
  created_at timestamptz not null default now()
);
