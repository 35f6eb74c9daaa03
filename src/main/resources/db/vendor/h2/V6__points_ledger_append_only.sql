-- The points ledger is append-only (a correction is a reversal entry): the database itself
-- refuses to change or remove an entry, whoever asks.
CREATE TRIGGER points_entry_append_only BEFORE UPDATE, DELETE ON points_entry FOR EACH ROW
    CALL 'org.gongjian.system.AppendOnlyTrigger';
