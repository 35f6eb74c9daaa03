-- A review's figures as they were computed from the record when the period ended, and the records each counts
-- (an activity, a task, a resolution, a transfer), so that "3 activities missed" leads to the three activities.
CREATE TABLE review_figure (
    review_id            BIGINT         NOT NULL REFERENCES review (id),
    position             INT            NOT NULL,
    name                 VARCHAR(64)    NOT NULL,
    figure_value         DECIMAL(14, 2) NOT NULL,
    PRIMARY KEY (review_id, name)
);

CREATE TABLE review_figure_record (
    review_id            BIGINT         NOT NULL REFERENCES review (id),
    name                 VARCHAR(64)    NOT NULL,
    position             INT            NOT NULL,
    record_kind          VARCHAR(32)    NOT NULL,
    record_ref           VARCHAR(100)   NOT NULL,
    label                VARCHAR(300)   NOT NULL,
    PRIMARY KEY (review_id, name, position)
);
