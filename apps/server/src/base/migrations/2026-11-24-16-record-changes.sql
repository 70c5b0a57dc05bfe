-- Which chunks of a record table (runs of 65,536 records by seq) each transaction changed. Dashboards keep per-chunk
-- aggregates and, when asked again, re-read only the chunks changed since their snapshot. Written by statement triggers
-- on every record table, so no write path can forget it; pruned after an hour (cached results live far shorter).
create table base_record_changes (
  table_id text not null,
  chunk integer not null,
  xid xid8 not null default pg_current_xact_id(),
  at timestamptz not null default now()
);
create index base_record_changes_by_table on base_record_changes (table_id, xid);
create index base_record_changes_at on base_record_changes (at);

create function base_note_record_changes() returns trigger language plpgsql as $$
begin
  insert into base_record_changes (table_id, chunk) select distinct tg_argv[0], (seq >> 16)::integer from changed_rows;
  return null;
end $$;

-- Installs the three triggers on one record table (transition tables allow one event per trigger).
create function base_track_record_changes(table_id text) returns void language plpgsql as $$
begin
  execute format('create trigger record_changes_insert after insert on %I referencing new table as changed_rows for each statement execute function base_note_record_changes(%L)', 'bt_' || table_id, table_id);
  execute format('create trigger record_changes_update after update on %I referencing new table as changed_rows for each statement execute function base_note_record_changes(%L)', 'bt_' || table_id, table_id);
  execute format('create trigger record_changes_delete after delete on %I referencing old table as changed_rows for each statement execute function base_note_record_changes(%L)', 'bt_' || table_id, table_id);
end $$;

select base_track_record_changes(id) from base_tables where to_regclass(quote_ident('bt_' || id)) is not null;
