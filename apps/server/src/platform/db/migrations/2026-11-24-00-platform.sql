create extension if not exists pg_trgm;

create table outbox (
  seq bigint generated always as identity primary key,
  at timestamptz not null default now(),
  rooms text[] not null,
  event jsonb not null
);
create index outbox_at on outbox (at);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_type text not null,
  actor_id text,
  action text not null,
  target_type text,
  target_id text,
  ip text,
  details jsonb
);
create index audit_log_action on audit_log (action, id desc);
