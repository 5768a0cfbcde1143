-- A watch: a saved search (query with its filters) or an entity; it belongs to the user who made it.
CREATE TABLE watch (
    id          uuid PRIMARY KEY,
    owner_id    text        NOT NULL, -- the token's subject
    owner_name  text        NOT NULL, -- the user name, for administrators' lists
    name        text        NOT NULL,
    query       text,                 -- a saved search: the query as typed
    filters     jsonb,                -- a saved search: its filters, as the search API takes them
    entity_id   uuid,                 -- an entity watch
    expansion   jsonb,                -- the registry names found in the query when saved: [{start, end, entityId}]
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT watch_kind CHECK ((query IS NULL) <> (entity_id IS NULL))
);
CREATE INDEX watch_owner ON watch (owner_id, created_at);
CREATE INDEX watch_updated ON watch (updated_at);

-- One notification per (watch, document), however often the document is evaluated (replays, edits, re-links).
CREATE TABLE notification (
    id           bigserial PRIMARY KEY,
    watch_id     uuid        NOT NULL REFERENCES watch (id) ON DELETE CASCADE,
    owner_id     text        NOT NULL,
    document_id  text        NOT NULL,
    collection   text        NOT NULL,
    title        text,
    reason       text        NOT NULL,
    source_created_at timestamptz,     -- when the source was accepted: alert latency is created_at minus this
    created_at   timestamptz NOT NULL,
    read_at      timestamptz,
    CONSTRAINT notification_once UNIQUE (watch_id, document_id)
);
-- the owner's list: unread first, newest first
CREATE INDEX notification_owner ON notification (owner_id, (read_at IS NOT NULL), id DESC);
