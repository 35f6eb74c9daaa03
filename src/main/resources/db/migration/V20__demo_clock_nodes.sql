-- Each node of a cluster that follows the demo clock reports here which offset it runs on, so that
-- the node moving the clock waits for the others before it runs a day's jobs. Times in epoch
-- milliseconds, the same on every node whatever its time zone.
CREATE TABLE demo_clock_node (
    node_name     VARCHAR(255) NOT NULL PRIMARY KEY,
    offset_millis BIGINT       NOT NULL,
    seen_at       BIGINT       NOT NULL
);
