-- A person may give their place back before the activity starts: status WITHDRAWN.
ALTER TABLE signup DROP CONSTRAINT signup_status;
ALTER TABLE signup ADD CONSTRAINT signup_status CHECK (status IN ('SIGNED_UP', 'RELEASED', 'WITHDRAWN'));
