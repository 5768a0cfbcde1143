-- Analysts' notes on a passage of a source's text: the passage by its offsets (UTF-16 code units into source.text,
-- as the API and the reading view count them) and its words as they were when the note was written.
create table source_note (
    id          uuid primary key,
    source_id   uuid not null references source (id) on delete cascade,
    start_at    integer not null check (start_at >= 0),
    end_at      integer not null check (end_at > start_at),
    quote       text not null,
    body        text not null,
    author      text not null,
    created_at  timestamptz not null,
    updated_by  text,
    updated_at  timestamptz not null,
    version     bigint not null default 0
);
create index source_note_source on source_note (source_id, start_at);
