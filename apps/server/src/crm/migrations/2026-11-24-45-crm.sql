-- One row per base made from the CRM template: which of its tables plays which role, and its sales dashboard.
create table crm_apps (
  base_id text primary key references bases(id) on delete cascade,
  locale text not null,
  customers_table_id text not null,
  contacts_table_id text not null,
  opportunities_table_id text not null,
  activities_table_id text not null,
  dashboard_id text,
  demo boolean not null default false,
  created_by text references users(id) on delete set null,
  created_at timestamptz not null default now()
);
-- The demo seed adds at most one CRM, so running it twice never duplicates.
create unique index crm_apps_one_demo on crm_apps (demo) where demo;
