-- The fund ledger lists a community's requests newest first, a page at a time: this index walks them in that
-- order without sorting the community's whole history (the totals read fund_request_community_state).
CREATE INDEX fund_request_community_requested ON fund_request (community_id, requested_at, business_key);
