-- Events a consumer's handler failed on too many times in a row (outbox-consumer.ts, MAX_FAILURES). The consumer moves
-- past them so one poisoned event cannot hold back every later one; they stay here for a person to look at and replay.
create table outbox_dead_letters (
  consumer text not null,
  txid xid8 not null,
  seq bigint not null,
  event jsonb not null,
  error text,
  failures integer not null,
  failed_at timestamptz not null default now(),
  primary key (consumer, txid, seq)
);
