-- Collection access of bulk imports. A job keeps the collections its creator could read when it was started (null:
-- all, for administrators), so every line is held to the same rule as a direct post even though the job runs later
-- in the background; and the collections it wrote to, so a job is shown only to callers who may read all of them.
alter table import_job add column readable varchar(64)[];
alter table import_job add column written varchar(64)[] not null default '{}';
-- Jobs from before: only their own collection (a line naming another one fails if they resume).
update import_job set readable = array[collection];
update import_job j set written = coalesce((select array_agg(distinct s.collection) from import_item i
    join source s on s.id = i.source_id where i.job_id = j.id), '{}');

-- The collection each item went to (its source's, or the one it asked for when it failed).
alter table import_item add column collection varchar(64);
update import_item i set collection = s.collection from source s where s.id = i.source_id;
create index import_job_created on import_job (created_at desc, id);
