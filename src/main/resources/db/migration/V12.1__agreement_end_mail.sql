-- The notice that an agreement ended and the tasks held under it were withdrawn, one row per agreement and
-- recipient address, recorded in its own transaction as soon as it is sent, so that a retried ending mails nobody twice.
-- No foreign key: the ending's own transaction holds the agreement row while this one is written.
CREATE TABLE agreement_end_mail (
    agreement_number  VARCHAR(64)  NOT NULL,
    recipient         VARCHAR(320) NOT NULL,
    sent_at           TIMESTAMP    NOT NULL,
    PRIMARY KEY (agreement_number, recipient)
);
