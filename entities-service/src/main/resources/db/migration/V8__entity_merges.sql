-- A merge as it was done, so that it can be undone: each entity as it was just before, and what moved (the ids of
-- the relations that changed side, the relations between the two that the merge dropped, the entities merged into
-- the loser earlier that now pointed at the survivor). Kept after an undo, with who undid it and when.
create table entity_merge (
    id              uuid         primary key,
    survivor_id     uuid         not null,
    loser_id        uuid         not null,
    merged_by       varchar(200) not null,
    merged_at       timestamptz  not null,
    survivor_before jsonb        not null,
    loser_before    jsonb        not null,
    moved           jsonb        not null,
    undone_by       varchar(200),
    undone_at       timestamptz
);
create index entity_merge_survivor on entity_merge (survivor_id, merged_at);
create index entity_merge_loser on entity_merge (loser_id);
