-- How a watch's matches reach its owner beyond the app: by e-mail at once, or as an hourly or daily digest.
ALTER TABLE watch ADD COLUMN delivery text NOT NULL DEFAULT 'app'
    CONSTRAINT watch_delivery CHECK (delivery IN ('app', 'immediate', 'hourly', 'daily'));
ALTER TABLE watch ADD COLUMN owner_email text;
ALTER TABLE watch ADD COLUMN last_mailed_at timestamptz;
-- when the notification went out by e-mail (or was passed over: a collection its owner may no longer read)
ALTER TABLE notification ADD COLUMN mailed_at timestamptz;
CREATE INDEX notification_to_mail ON notification (watch_id) WHERE mailed_at IS NULL;
