-- One agreement in force per community-unit pair, kept by the database itself: the row names the pair's last
-- agreement in force (the current one, or the renewal already filed to succeed it). A new agreement of the pair
-- comes into force only by taking this row over from one that ends before its own term starts; two activations
-- racing for the same pair cannot both take it (primary key for the first, compare-and-set for a successor).
CREATE TABLE agreement_in_force (
    community_id      VARCHAR(64) NOT NULL,
    unit_id           VARCHAR(64) NOT NULL,
    agreement_number  VARCHAR(64) NOT NULL REFERENCES agreement (agreement_number),
    term_end          DATE        NOT NULL,
    PRIMARY KEY (community_id, unit_id)
);

-- the agreements in force today: for each pair the one whose term ends last
INSERT INTO agreement_in_force (community_id, unit_id, agreement_number, term_end)
SELECT a.community_id, a.unit_id, a.agreement_number, a.term_end FROM agreement a
WHERE a.status = 'ACTIVE' AND NOT EXISTS (
    SELECT 1 FROM agreement b WHERE b.status = 'ACTIVE' AND b.community_id = a.community_id AND b.unit_id = a.unit_id
      AND (b.term_end > a.term_end OR (b.term_end = a.term_end AND b.agreement_number > a.agreement_number)));
