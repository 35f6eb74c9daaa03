-- Indexes for what the pages filter and sort on (issue 8), in SQL both H2 and PostgreSQL read.

-- Activities of a unit (its liaison's and leader's list: community_id IN (...) OR unit_id IN (...),
-- newest first) and the list of all activities, newest first. By community and start exists (V4).
CREATE INDEX activity_unit_start ON activity (unit_id, starts_at);
CREATE INDEX activity_start ON activity (starts_at);

-- Agreements newest first, of all, of a unit, and the board's agreements in force of one community.
CREATE INDEX agreement_activated ON agreement (activated_at);
CREATE INDEX agreement_unit_activated ON agreement (unit_id, activated_at);
CREATE INDEX agreement_community_status_activated ON agreement (community_id, status, activated_at);

-- Whom a task was delegated to since it was created (the review's and the signature's evidence).
CREATE INDEX task_delegation_process_task_date ON task_delegation (process_instance_id, task_key, delegated_at);

-- The board's per-community totals (WHERE community_id, account_type GROUP BY account_id, SUM(points)):
-- the index holds every column the query reads. The newest entries of a community go by id.
CREATE INDEX points_community_totals ON points_entry (community_id, account_type, account_id, points);
CREATE INDEX points_community_id ON points_entry (community_id, id);
