-- Run-log texts in both languages ({ "en", "zh" }), so editors read the log in their own language; null where the
-- plain column reads the same in both (a field name and value) or for runs logged before.
alter table base_automation_runs add column trigger_text jsonb;
alter table base_automation_runs add column error_text jsonb;
