-- A saved search whose expansion a registry change may alter: the indexer only marks it (no call to the entities
-- service on its thread); WatchReexpander expands it again, one watch at a time, and clears the mark.
ALTER TABLE watch ADD COLUMN expansion_stale boolean NOT NULL DEFAULT false;
CREATE INDEX watch_expansion_stale ON watch (id) WHERE expansion_stale;
