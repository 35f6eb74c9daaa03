-- A transfer request as the process that asked for it made it: payer, payee, amount. Finance's
-- confirmation and the recorded transfer read the amount and the parties from here, never from
-- a variable someone could have written since.
CREATE TABLE fund_request (
    business_key         VARCHAR(100)   NOT NULL PRIMARY KEY,
    process_instance_id  VARCHAR(64)    NOT NULL,
    agreement_number     VARCHAR(64),
    quarter              VARCHAR(8),
    community_id         VARCHAR(64)    NOT NULL,
    community_name       VARCHAR(200)   NOT NULL,
    payer_id             VARCHAR(64)    NOT NULL,
    payer_name           VARCHAR(200)   NOT NULL,
    amount               DECIMAL(14, 2) NOT NULL,
    purpose              VARCHAR(500),
    requested_at         TIMESTAMP      NOT NULL,
    CONSTRAINT fund_request_positive CHECK (amount > 0)
);
