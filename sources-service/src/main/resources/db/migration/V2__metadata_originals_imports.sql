-- Issue 3: richer metadata, the originals as uploaded, and bulk import jobs.
alter table source
    add column authors         text[]        not null default '{}',
    add column tags            text[]        not null default '{}',
    add column language        varchar(16),
    add column status_reason   varchar(2000),
    add column original_name   varchar(500);
create index source_tags on source using gin (tags);

-- The bytes exactly as they came in (a JSON ingest keeps its text). One row per source, gone with it.
create table source_original (
    source_id    uuid primary key references source (id) on delete cascade,
    content_type varchar(200) not null,
    filename     varchar(500),
    content      bytea        not null
);

-- A bulk import: a ZIP of files or a JSONL stream, spooled to disk and worked through in batches.
create table import_job (
    id           uuid primary key,
    format       varchar(16)   not null,
    collection   varchar(64)   not null,
    tags         text[]        not null default '{}',
    status       varchar(16)   not null,
    status_reason varchar(2000),
    spool_path   varchar(1000),
    total        integer,
    processed    integer       not null default 0,
    created      integer       not null default 0,
    duplicates   integer       not null default 0,
    failed       integer       not null default 0,
    created_by   varchar(200)  not null,
    created_at   timestamptz   not null,
    started_at   timestamptz,
    finished_at  timestamptz
);
create index import_job_status on import_job (status);

-- What became of each item: its source, or why it failed. (job_id, position) makes a resumed job skip what is done.
create table import_item (
    job_id    uuid          not null references import_job (id) on delete cascade,
    position  integer       not null,
    name      varchar(1000) not null,
    outcome   varchar(16)   not null,
    source_id uuid,
    reason    varchar(2000),
    primary key (job_id, position)
);
create index import_item_outcome on import_item (job_id, outcome, position);
