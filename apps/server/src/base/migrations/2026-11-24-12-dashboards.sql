-- Dashboards (docs/dashboards.md): a grid of widgets over a base's tables, with filters viewers can change.
create table base_dashboards (
  id text primary key,
  base_id text not null references bases(id) on delete cascade,
  name text not null,
  filters jsonb not null default '[]',
  position integer not null default 0,
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index base_dashboards_base on base_dashboards (base_id, position);

create table base_dashboard_widgets (
  id text primary key,
  dashboard_id text not null references base_dashboards(id) on delete cascade,
  position integer not null default 0,
  -- The widget spec without its id (contracts widgetSpec), validated against the table's fields when written.
  spec jsonb not null
);
create index base_dashboard_widgets_dashboard on base_dashboard_widgets (dashboard_id, position);
