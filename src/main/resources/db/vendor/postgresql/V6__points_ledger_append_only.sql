-- The points ledger is append-only (a correction is a reversal entry): the database itself
-- refuses to change or remove an entry, whoever asks.
CREATE FUNCTION refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'points_entry is append-only: % refused; post a reversal entry instead', TG_OP;
END;
$$;

CREATE TRIGGER points_entry_append_only BEFORE UPDATE OR DELETE ON points_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();

CREATE TRIGGER points_entry_no_truncate BEFORE TRUNCATE ON points_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();
