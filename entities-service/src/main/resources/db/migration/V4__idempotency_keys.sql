-- Idempotency-Key on the POSTs that create something new each time (common's IdempotencyFilter): the first answer to
-- a caller's key, kept a day. status is null while the first request is being carried out.
create table idempotency_keys (
    caller       text        not null,
    idem_key     text        not null,
    path         text        not null,
    request_hash text        not null,
    status       integer,
    content_type text,
    location     text,
    etag         text,
    body         bytea,
    created_at   timestamptz not null default now(),
    primary key (caller, idem_key)
);
create index idempotency_keys_created_at on idempotency_keys (created_at);
