-- The transaction that wrote each outbox row. Sequence numbers can commit out of order (seq 10 after seq 11), but once
-- every transaction below pg_snapshot_xmin has ended, the rows ordered by (txid, seq) below it never change: consumers
-- read in that order and never skip a row that commits late.
alter table outbox add column txid xid8 not null default pg_current_xact_id();
create index outbox_txid_seq on outbox (txid, seq);

-- How far each in-process subscriber (notify, …) has got; its row is locked while it works, so one instance at a time.
create table outbox_consumers (
  name text primary key,
  last_txid xid8 not null default '0',
  last_seq bigint not null default 0,
  failures integer not null default 0,
  last_error text,
  updated_at timestamptz not null default now()
);
