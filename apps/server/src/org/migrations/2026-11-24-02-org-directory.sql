-- Directory search: substring matches on pinyin, email and mobile (the name already has a trigram index).
create index users_pinyin_trgm on users using gin (name_pinyin gin_trgm_ops);
create index users_email_trgm on users using gin (lower(email) gin_trgm_ops);
create index users_mobile_trgm on users using gin (mobile gin_trgm_ops);
create index users_search_order on users (name_pinyin, id);
-- Listing a department's head and a person's departments.
create index departments_head on departments (head_id);
create index user_departments_user on user_departments (user_id, is_primary desc);
