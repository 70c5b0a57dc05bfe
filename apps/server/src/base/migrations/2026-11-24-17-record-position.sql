-- A manual record order per Base table (docs/base.md, "Record order"): unsorted views order by (position, seq).
-- New rows draw their position from a per-table sequence kept above every position, so every existing insert lands
-- at the end without naming the column; inserting between two records takes the midpoint of their positions.
-- Existing records keep their order: position = seq, and the sequence starts above the largest seq.
do $$
declare
  t record;
  tbl text;
  seq_name text;
  top bigint;
begin
  for t in select id from base_tables loop
    tbl := 'bt_' || t.id;
    seq_name := tbl || '_position_seq';
    if to_regclass(format('%I', tbl)) is null then continue; end if;
    execute format('create sequence if not exists %I', seq_name);
    execute format('alter table %I add column if not exists position float8', tbl);
    execute format('update %I set position = seq where position is null', tbl);
    execute format('select coalesce(max(seq), 0) from %I', tbl) into top;
    if top > 0 then perform setval(format('%I', seq_name)::regclass, top); end if;
    execute format('alter table %I alter column position set default nextval(%L)', tbl, format('%I', seq_name));
    execute format('alter table %I alter column position set not null', tbl);
    execute format('alter sequence %I owned by %I.position', seq_name, tbl);
    execute format('create index if not exists %I on %I (position, seq)', tbl || '_position_ix', tbl);
  end loop;
end $$;

-- Where a deleted record stood, so undoing the deletion puts it back in place.
alter table base_record_history add column position float8;
