-- The agreement page reads a process's escalations; list pages read a community's agreements.
CREATE INDEX escalation_log_process ON escalation_log (process_instance_id);
CREATE INDEX agreement_community ON agreement (community_id);
