create table users (
  id text primary key,
  name text not null,
  email text not null,
  mobile text,
  title text,
  manager_id text references users(id),
  locale text,
  time_zone text not null default 'Asia/Shanghai',
  role text not null default 'member',
  active boolean not null default true,
  password_hash text,
  -- search keys derived from the name: full pinyin without tones ("zhangwei") and initials ("zw")
  name_pinyin text not null default '',
  name_initials text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email on users (lower(email));
create index users_mobile on users (mobile);
create index users_manager on users (manager_id);
create index users_name_trgm on users using gin (name gin_trgm_ops);
create index users_pinyin on users (name_pinyin text_pattern_ops);
create index users_initials on users (name_initials text_pattern_ops);

create table departments (
  id text primary key,
  name text not null,
  parent_id text references departments(id),
  head_id text references users(id),
  sort integer not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index departments_parent on departments (parent_id, sort);

create table user_departments (
  user_id text not null references users(id) on delete cascade,
  department_id text not null references departments(id),
  is_primary boolean not null default false,
  primary key (user_id, department_id)
);
create index user_departments_department on user_departments (department_id);

create table sessions (
  id text primary key,            -- sha256 of the cookie value
  user_id text not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);

create table personal_tokens (
  id text primary key,
  user_id text not null references users(id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table apps (
  app_id text primary key,
  name text not null,
  secret_hash text not null,
  scopes text[] not null,
  active boolean not null default true,
  created_by text references users(id),
  created_at timestamptz not null default now()
);

create table tenant_tokens (
  token_hash text primary key,
  app_id text not null references apps(app_id) on delete cascade,
  expires_at timestamptz not null
);
create index tenant_tokens_app on tenant_tokens (app_id);
