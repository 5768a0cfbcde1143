-- Issue 4: the full registry model, its history, merges and the change feed.
alter table entity
    add column attributes   jsonb        not null default '{}',
    add column tags         text[]       not null default '{}',
    add column merged_into  uuid references entity (id),
    add column created_by   varchar(200) not null default 'system',
    add column updated_at   timestamptz,
    add column updated_by   varchar(200);
create index entity_merged_into on entity (merged_into);
create index entity_tags on entity using gin (tags);
create index entity_name_value on entity_name (lower(value));

-- Identifiers in other registries (OFAC entry number, UN reference, Wikidata QID): what a re-import is keyed on.
create table entity_external_id (
    entity_id uuid         not null references entity (id) on delete cascade,
    scheme    varchar(32)  not null,
    value     varchar(200) not null,
    primary key (scheme, value)
);
create index entity_external_id_entity on entity_external_id (entity_id);

create table relation (
    id          uuid primary key,
    subject_id  uuid         not null references entity (id),
    object_id   uuid         not null references entity (id),
    type        varchar(32)  not null,
    start_date  varchar(10),
    end_date    varchar(10),
    created_by  varchar(200) not null,
    created_at  timestamptz  not null,
    version     bigint       not null
);
create index relation_subject on relation (subject_id);
create index relation_object on relation (object_id);

-- What backs a relation: a source and the words in it.
create table relation_citation (
    id          bigint generated always as identity primary key,
    relation_id uuid not null references relation (id) on delete cascade,
    source_id   uuid not null,
    quote       text
);
create index relation_citation_relation on relation_citation (relation_id);

-- Every state an entity went through: who, when, what (a full snapshot), in version order.
create table entity_revision (
    id          bigint generated always as identity primary key,
    entity_id   uuid         not null,
    version     bigint       not null,
    operation   varchar(16)  not null,
    changed_by  varchar(200) not null,
    changed_at  timestamptz  not null,
    snapshot    jsonb        not null
);
create index entity_revision_entity on entity_revision (entity_id, id);

-- The change feed (transactional outbox), as in the sources service.
create table entity_change (
    seq         bigint generated always as identity primary key,
    entity_id   uuid        not null,
    operation   varchar(16) not null,
    occurred_at timestamptz not null
);
create index entity_change_entity on entity_change (entity_id);
