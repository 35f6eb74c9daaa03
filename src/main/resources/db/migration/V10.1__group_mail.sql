-- Each group mail about an activity (a broken-commitment notice to the unit leader, the community's
-- staff, the street committee), one row per recipient address, recorded in its own transaction as
-- soon as it is sent, so that a retried job tells only those not told yet.
CREATE TABLE group_mail (
    activity_id          BIGINT        NOT NULL REFERENCES activity (id),
    kind                 VARCHAR(32)   NOT NULL,
    recipient            VARCHAR(320)  NOT NULL,
    sent_at              TIMESTAMP     NOT NULL,
    PRIMARY KEY (activity_id, kind, recipient)
);
