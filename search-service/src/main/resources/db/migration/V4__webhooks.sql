-- Webhooks: an integrator's URL that receives, signed, the notifications of its owner's watches (or of one watch).
CREATE TABLE webhook (
    id                   uuid PRIMARY KEY,
    owner_id             text        NOT NULL, -- the token's subject, like a watch's owner
    owner_name           text        NOT NULL,
    url                  text        NOT NULL,
    secret               text        NOT NULL, -- the key of each delivery's HMAC-SHA256 signature
    watch_id             uuid REFERENCES watch (id) ON DELETE CASCADE, -- null: every watch of the owner
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    failures             integer     NOT NULL DEFAULT 0, -- failed deliveries in a row
    next_attempt_at      timestamptz NOT NULL,           -- backoff after a failure; a lease while a delivery runs
    disabled_at          timestamptz,
    disabled_reason      text
);
CREATE INDEX webhook_owner ON webhook (owner_id, created_at);

-- What each webhook has still to deliver: written with the notifications, in their transaction, so a notification
-- is queued exactly once per webhook; a row goes when its delivery succeeds (or its document may no longer be read).
CREATE TABLE webhook_outbox (
    webhook_id       uuid   NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    notification_id  bigint NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    PRIMARY KEY (webhook_id, notification_id)
);
CREATE INDEX webhook_outbox_notification ON webhook_outbox (notification_id);

-- Every attempt, for the integrator who wonders why nothing arrives (kept for dossier.search.webhooks.log-retention).
CREATE TABLE webhook_delivery (
    id             uuid PRIMARY KEY, -- also the X-Dossier-Delivery header of the request
    webhook_id     uuid        NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    attempted_at   timestamptz NOT NULL,
    duration_ms    integer     NOT NULL,
    notifications  integer     NOT NULL,
    outcome        text        NOT NULL CONSTRAINT webhook_delivery_outcome CHECK (outcome IN ('delivered', 'failed')),
    http_status    integer,
    error          text,
    attempt        integer     NOT NULL -- 1 for a first try, n for the n-th in a row after failures
);
CREATE INDEX webhook_delivery_log ON webhook_delivery (webhook_id, attempted_at DESC, id);
CREATE INDEX webhook_delivery_age ON webhook_delivery (attempted_at);
