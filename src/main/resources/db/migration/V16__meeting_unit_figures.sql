-- The joint meeting's figures per unit and quarter, for the review (issue 11): stored, so that the
-- review reads one row instead of recomputing every meeting's history. Rewritten from the record
-- (meeting_member, meeting_resolution, agenda_item) whenever one of its facts changes.
CREATE TABLE meeting_unit_figures (
    unit_id              VARCHAR(64)    NOT NULL,
    quarter              VARCHAR(7)     NOT NULL,
    -- meetings of the quarter held with the unit as a member (minutes recorded)
    invited              INT            NOT NULL,
    attended_by_leader   INT            NOT NULL,
    attended_by_deputy   INT            NOT NULL,
    absent               INT            NOT NULL,
    -- resolutions recorded at the quarter's meetings with the unit as owner
    resolutions_owned    INT            NOT NULL,
    done_on_time         INT            NOT NULL,
    late                 INT            NOT NULL,
    carried_over         INT            NOT NULL,
    refreshed_at         TIMESTAMP      NOT NULL,
    PRIMARY KEY (unit_id, quarter)
);
