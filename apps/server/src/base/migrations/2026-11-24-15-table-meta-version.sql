-- Table metadata (fields, views) is cached per instance and revalidated by this counter, which the database itself bumps
-- on any change to a table's fields or views, so no code path can forget to and every instance sees it at once.
alter table base_tables add column meta_version bigint not null default 0;

create function base_bump_meta_version() returns trigger language plpgsql as $$
begin
  update base_tables set meta_version = meta_version + 1 where id = coalesce(new.table_id, old.table_id);
  if tg_op = 'UPDATE' and new.table_id <> old.table_id then
    update base_tables set meta_version = meta_version + 1 where id = old.table_id;
  end if;
  return null;
end $$;

create trigger base_fields_meta_version after insert or update or delete on base_fields
  for each row execute function base_bump_meta_version();
create trigger base_views_meta_version after insert or update or delete on base_views
  for each row execute function base_bump_meta_version();
