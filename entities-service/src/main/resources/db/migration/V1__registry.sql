-- The registry of actors (after FollowTheMoney): an entity and every name it goes by.
create table entity (
    id           uuid primary key,
    type         varchar(32)   not null,
    primary_name varchar(500)  not null,
    description  text,
    created_at   timestamptz   not null,
    version      bigint        not null
);
create index entity_type on entity (type);

create table entity_name (
    id        bigint generated always as identity primary key,
    entity_id uuid         not null references entity (id) on delete cascade,
    value     varchar(500) not null,
    lang      varchar(16),
    kind      varchar(32)  not null
);
create index entity_name_entity on entity_name (entity_id);
