-- Pairs of entities an editor said are not the same actor: never proposed as twins again.
create table twin_dismissal (
    first_id     uuid         not null references entity (id) on delete cascade,
    second_id    uuid         not null references entity (id) on delete cascade,
    dismissed_by varchar(200) not null,
    dismissed_at timestamptz  not null,
    primary key (first_id, second_id),
    check (first_id < second_id)
);
