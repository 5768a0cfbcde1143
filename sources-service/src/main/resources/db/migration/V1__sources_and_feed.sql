-- Sources: one row per ingested document. sha256 of the content makes ingest idempotent.
create table source (
    id           uuid primary key,
    collection   varchar(64)   not null,
    title        varchar(1000) not null,
    text         text          not null,
    url          varchar(2048),
    published_at timestamptz,
    publisher    varchar(300),
    content_type varchar(100)  not null,
    sha256       varchar(64)   not null,
    size         bigint        not null,
    status       varchar(16)   not null,
    created_by   varchar(200)  not null,
    created_at   timestamptz   not null,
    version      bigint        not null
);
create unique index source_sha256 on source (sha256);
create index source_collection on source (collection);

-- The change feed (transactional outbox): written in the same transaction as the change it records.
-- No foreign key to source: a deletion leaves its tombstone here.
create table source_change (
    seq         bigint generated always as identity primary key,
    source_id   uuid        not null,
    operation   varchar(16) not null,
    collection  varchar(64) not null,
    occurred_at timestamptz not null
);
create index source_change_source on source_change (source_id);
