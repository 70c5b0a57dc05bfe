create table notifications (
  id text primary key,
  user_id text not null references users(id) on delete cascade,
  kind text not null,
  -- {en, zh}: the producer writes both languages; the browser shows its own.
  title jsonb not null,
  body text not null default '',
  link text,
  actor_id text references users(id) on delete set null,
  -- The outbox event that caused it: with user_id, a re-run handler inserts nothing twice (nulls never collide).
  source_seq bigint,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  unique (source_seq, user_id)
);
create index notifications_inbox on notifications (user_id, created_at desc, id desc);
create index notifications_unread on notifications (user_id, created_at desc) where read_at is null;

-- A row per kind the user has set; other kinds follow the kind's default.
create table notification_settings (
  user_id text not null references users(id) on delete cascade,
  kind text not null,
  in_app boolean not null,
  email boolean not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, kind)
);

-- Start after everything already in the outbox: installing notify does not replay old mentions as new notifications.
insert into outbox_consumers (name, last_txid, last_seq)
values (
  'notify',
  coalesce((select txid from outbox order by txid desc, seq desc limit 1), '0'),
  coalesce((select max(seq) from outbox), 0)
)
on conflict (name) do nothing;
