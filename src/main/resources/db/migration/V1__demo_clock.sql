-- The demo clock's offset from real time, so that a demo quarter that has passed stays passed
-- across restarts. One row at most.
CREATE TABLE demo_clock (
    id            INTEGER      NOT NULL PRIMARY KEY,
    offset_millis BIGINT       NOT NULL,
    moved_at      TIMESTAMP    NOT NULL,
    moved_by      VARCHAR(64)  NOT NULL,
    CONSTRAINT demo_clock_single_row CHECK (id = 1)
);
