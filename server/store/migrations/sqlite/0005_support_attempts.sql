-- Each code entered is counted before it is checked (so guesses sent at once cannot all
-- pass the throttle): the row is written first, named by a random attempt id, and removed
-- again when the code turns out right or the attempt was not checked at all.
ALTER TABLE support_failures ADD COLUMN attempt TEXT;
CREATE INDEX support_failures_attempt ON support_failures (attempt);
