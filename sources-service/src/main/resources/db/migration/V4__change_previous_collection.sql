-- A change that moved a source names the collection it left, so that readers of that collection learn it is gone
-- from their view (GET /api/v1/sources/changes filters on both).
alter table source_change add column previous_collection text;
