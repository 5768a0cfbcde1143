-- FollowTheMoney imports run as jobs: the upload is kept in chunks of lines until its job is done (any instance can
-- take a job over), and every line's outcome is an item.
create table ftm_import (
    id uuid primary key,
    status varchar(16) not null,
    status_reason text,
    -- ENTITIES: the first pass (people, organisations, places, events); RELATIONSHIPS: the second
    phase varchar(16) not null,
    -- the last line of the file done in the current phase
    cursor_line integer not null default 0,
    -- the last line whose created entity has been compared with the registry for twins
    twins_line integer not null default 0,
    total_lines integer not null default 0,
    total_bytes bigint not null default 0,
    created integer not null default 0,
    possible_twins integer not null default 0,
    updated integer not null default 0,
    unchanged integer not null default 0,
    relations_created integer not null default 0,
    relations_unchanged integer not null default 0,
    skipped integer not null default 0,
    created_by varchar(255) not null,
    created_at timestamp with time zone not null,
    started_at timestamp with time zone,
    finished_at timestamp with time zone
);
create index ftm_import_created_at on ftm_import (created_at desc);

create table ftm_import_chunk (
    import_id uuid not null references ftm_import (id) on delete cascade,
    first_line integer not null,
    line_count integer not null,
    -- the lines, UTF-8, each ended by a newline
    body bytea not null,
    primary key (import_id, first_line)
);

create table ftm_import_item (
    import_id uuid not null references ftm_import (id) on delete cascade,
    line integer not null,
    ftm_id varchar(200),
    schema_name varchar(64),
    outcome varchar(16) not null,
    entity_id uuid,
    note text,
    twin_of uuid[],
    primary key (import_id, line)
);
create index ftm_import_item_ftm_id on ftm_import_item (import_id, ftm_id);
