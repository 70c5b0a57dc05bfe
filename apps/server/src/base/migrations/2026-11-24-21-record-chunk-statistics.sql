-- Planner statistics on each record table's chunk number (seq >> 16, as in base_note_record_changes). Dashboards group
-- by it; without these the planner takes every seq for its own group, so it skips the parallel aggregate and sizes a
-- hash for a million groups (a 1M-record dashboard took twice as long to compute cold).
create function base_chunk_statistics(table_id text) returns void language plpgsql as $$
begin
  execute format('create statistics if not exists %I on ((seq >> 16)) from %I', 'bt_' || table_id || '_chunk', 'bt_' || table_id);
end $$;

select base_chunk_statistics(id) from base_tables where to_regclass(quote_ident('bt_' || id)) is not null;
