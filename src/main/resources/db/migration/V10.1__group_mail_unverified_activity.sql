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

-- An activity whose evidence the community never verified by the last rung of its ladder: neither
-- kept (no unit points on an unchecked claim) nor broken by the unit (it did submit); the community's lapse.
ALTER TABLE activity DROP CONSTRAINT activity_status;
ALTER TABLE activity ADD CONSTRAINT activity_status
    CHECK (status IN ('PLANNED', 'PUBLISHED', 'EVIDENCE', 'KEPT', 'CANCELLED', 'MISSED', 'UNVERIFIED'));
